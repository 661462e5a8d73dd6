import type { JsonProblem } from './json-problem';

const NUMERIC_STRING = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** True for a string that spells a plain number (`"63"`, `"-4.5"`): its intended type is ambiguous. */
export function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && NUMERIC_STRING.test(value.trim());
}

/** The JSON type a key's value had in a cached, verified answer. */
export type EvidenceType = 'string' | 'number' | 'boolean';

// Problems are per request (memoised by request text), so evidence recorded while adapting a
// cached answer is read back by the checks and the patch call of that same request.
const evidence = new WeakMap<JsonProblem, ReadonlyMap<string, EvidenceType>>();

/**
 * Records, for a request whose keys were inferred from its prompt (no
 * schema, so no types), the types its keys had in the cached answer being
 * adapted: the only evidence of what type the caller expects. Only scalar
 * values count, so a cached answer that wrapped a value in an array never
 * becomes evidence — nor does a number written as a string (`"63"`), which
 * may be a slip for `63` and would otherwise hold every patch to the slip.
 */
export function recordTypeEvidence(problem: JsonProblem, cachedMembers: ReadonlyMap<string, unknown>): void {
  if (problem.inferredKeys === undefined) return;
  const types = new Map<string, EvidenceType>();
  for (const key of problem.inferredKeys) {
    const value = cachedMembers.get(key);
    if (isNumericString(value)) continue;
    if (typeof value === 'string') types.set(key, 'string');
    else if (typeof value === 'number') types.set(key, 'number');
    else if (typeof value === 'boolean') types.set(key, 'boolean');
  }
  evidence.set(problem, types);
}

/** The type evidence recorded for a request's key, if any. */
export function evidenceType(problem: JsonProblem, key: string): EvidenceType | undefined {
  return evidence.get(problem)?.get(key);
}

/**
 * Why `value` contradicts the evidence for `key`, or undefined. Lenient where
 * evidence may itself be a slip: a number where a string was seen is
 * accepted (a zip code may come either way); a number seen and text given
 * ("41" for 39), or a scalar seen and a list or object given (["Globex"]
 * for "Blue Harbor Labs") are refused.
 */
export function contradictsEvidence(problem: JsonProblem, key: string, value: unknown): string | undefined {
  const seen = evidenceType(problem, key);
  if (seen === undefined) return undefined;
  const given = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (given === seen || (seen === 'string' && given === 'number')) return undefined;
  return `"${key}" must be a ${seen} (the answer cached for this key list had a ${seen}), got ${given === 'array' || given === 'object' ? `an ${given}` : `a ${given}`}`;
}

/**
 * The item of a one-item array given for `key` when the evidence says the
 * key holds that item's scalar type (`["Globex"]` where a string was seen);
 * `undefined` otherwise.
 */
export function unwrapByEvidence(problem: JsonProblem, key: string, value: unknown): unknown {
  const seen = evidenceType(problem, key);
  if (seen === undefined || !Array.isArray(value) || value.length !== 1) return undefined;
  const item: unknown = value[0];
  return typeof item === seen ? item : undefined;
}
