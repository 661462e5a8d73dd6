import { jsonrepair } from 'jsonrepair';
import { extractJson } from './extract-json';
import { memberStep, valueStep } from './json-step';
import { scanMembers } from './scan-members';

/** The root an answer is expected to have: an object, something else the schema names, or unknown. */
export type RootShape = 'object' | 'other' | 'any';

/** Parses JSON, then JSON as repaired by `jsonrepair` (quotes, commas, literals); `undefined` when neither works. */
export function parseLoose(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    try {
      return { value: JSON.parse(jsonrepair(text)) as unknown };
    } catch {
      return undefined;
    }
  }
}

/** The key/value pairs one member's text holds after local repair (usually one, none when unreadable). */
function readMember(text: string): [string, unknown][] {
  const parsed = parseLoose(`{${text}}`);
  if (parsed === undefined || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return [];
  return Object.entries(parsed.value);
}

/**
 * Splits a model's JSON answer into steps (see `json-step.ts`): one per
 * top-level member of an object, or one for a whole non-object value. The
 * value is extracted from surrounding prose and fences, and repaired locally
 * (trailing commas, single quotes, bare keys, Python literals, a missing
 * closing brace) — no model call. A member cut off inside a string or a
 * nested bracket is left out (it will be regenerated), never shortened; an
 * array root counts only once it is closed. When a key repeats, the first
 * occurrence wins.
 *
 * Prefix-stable: a member is fixed once the separator after it is seen.
 */
export function segmentJson(answer: string, root: RootShape): string[] {
  const span = extractJson(answer, root === 'object' ? 'object' : 'any');
  if (span === undefined) {
    if (root === 'object') return [];
    // A bare scalar answer ("positive", 42) for a non-object root: only as strict JSON.
    try {
      return answer.trim() === '' ? [] : [valueStep(JSON.parse(answer.trim()))];
    } catch {
      return [];
    }
  }
  if (span.text.startsWith('[')) {
    const parsed = span.closed ? parseLoose(span.text) : undefined;
    return parsed === undefined ? [] : [valueStep(parsed.value)];
  }
  const steps: string[] = [];
  const seen = new Set<string>();
  for (const member of scanMembers(span.text)) {
    if (!member.complete) continue;
    for (const [key, value] of readMember(member.text)) {
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push(memberStep(key, value));
    }
  }
  return steps;
}
