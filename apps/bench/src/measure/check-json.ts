import Ajv from 'ajv';
import type { JsonTruth } from '../workload/workload-request';
import type { CheckResult } from './check-result';
import { checkResult } from './check-result';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** Deep equality of JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => Object.hasOwn(right, k) && jsonEqual(left[k], right[k]));
}

/**
 * Checks a JSON extraction strictly, as the caller's `JSON.parse` would see
 * it: the task check wants exactly one JSON object (no prose, no code fence),
 * valid against the schema when there is one, with exactly the requested
 * keys; the final-answer check wants the expected object, value for value.
 */
export function checkJson(truth: JsonTruth, text: string): CheckResult {
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return checkResult(false, false, 'not a bare JSON object (prose, fence or syntax error)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return checkResult(false, false, 'the JSON is not an object');
  const finalAnswer = jsonEqual(value, truth.expected);
  let taskCheck: boolean;
  let reason: string | undefined;
  if (truth.schema) {
    taskCheck = ajv.validate(truth.schema, value);
    if (!taskCheck) reason = `schema: ${ajv.errorsText(ajv.errors)}`;
  } else {
    const keys = Object.keys(value).sort();
    const expected = Object.keys(truth.expected).sort();
    taskCheck = jsonEqual(keys, expected);
    if (!taskCheck) reason = `keys ${keys.join(', ')}; expected ${expected.join(', ')}`;
  }
  if (taskCheck && !finalAnswer) reason = `values differ: got ${JSON.stringify(value)}`;
  return checkResult(taskCheck, finalAnswer, reason);
}
