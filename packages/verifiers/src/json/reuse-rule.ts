import type { Verdict } from '../verifier';
import type { JsonProblem } from './json-problem';
import { literalSupported } from './value-support';
import { isNumericString } from './type-evidence';

function sameKeys(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && b.every((key) => a.includes(key));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `"34"`: a number written as a string. */

/**
 * Whether a value a cached answer gave for `key` may be served for the new
 * request (its schema validity is checked separately). The rule:
 *
 * 1. If the key's meaning changed (its `title` or `description` in the
 *    schema), the value is regenerated.
 * 2. If the instruction changed, nothing is reused (`skipReason` already
 *    refuses such candidates; this is the same rule, step by step).
 * 3. If the source text is the same (normalised), the value is reused —
 *    except when the schema was inferred from the prompt's key list and that
 *    list changed: then rule 5 applies.
 * 4. If only the source text changed, a value is reused only when it is a
 *    literal the new text states in the same context as the old one: a
 *    string or number found verbatim in both texts, with the same tokens
 *    around it (see `literalSupported`), and not a choice from a fixed set
 *    (`enum`/`const`). Booleans, nulls, enum choices, arrays, objects and
 *    anything not found verbatim (reformatted dates, computed numbers,
 *    summaries) are regenerated.
 * 5. A key of a schema inferred from the prompt has no type to check the
 *    value against, so under a changed key list or source text the value is
 *    reused only as in rule 4 (a string or number the source states
 *    verbatim, in the same context) and not when it is a number written as
 *    a string (`"34"`: the number may have been meant).
 *
 * `key` is `undefined` for a whole non-object answer.
 */
export function reuseVerdict(key: string | undefined, value: unknown, cached: JsonProblem, next: JsonProblem): Verdict {
  const name = key === undefined ? 'the answer' : `"${key}"`;
  if (key !== undefined && cached.schema && next.schema && cached.schema.meaning(key) !== next.schema.meaning(key)) {
    return { ok: false, reason: `the meaning of ${name} changed (its title or description in the schema)` };
  }
  if (cached.parts.instruction !== next.parts.instruction) {
    return { ok: false, reason: `${name} answered another instruction` };
  }
  const untyped = key !== undefined && next.inferredKeys !== undefined;
  const sameSource = cached.sourceKey === next.sourceKey;
  if (sameSource && !(untyped && !sameKeys(cached.inferredKeys, next.inferredKeys as readonly string[]))) return { ok: true };
  const changed = sameSource ? 'the key list changed' : 'the source text changed';
  if (key !== undefined && next.schema?.fixedSet(key) === true) {
    return { ok: false, reason: `${name} is a choice from a fixed set and ${changed}` };
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    const why = untyped ? 'and the prompt gives it no type to check' : 'derived from a source text that changed';
    return { ok: false, reason: `${name} is ${kindOf(value)} ${why}` };
  }
  if (untyped && isNumericString(value)) {
    return { ok: false, reason: `${name} is a number written as a string, and the prompt gives it no type to say which was meant` };
  }
  if (!literalSupported(value, cached.sourceIndex(), next.sourceIndex())) {
    return { ok: false, reason: `${name} (${JSON.stringify(value)}) is not stated in the new source text the way it was in the old one` };
  }
  return { ok: true };
}
