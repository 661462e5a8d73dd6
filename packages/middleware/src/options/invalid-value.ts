import type { StepCacheErrorCode } from '@stepcache/verifiers';
import { StepCacheError } from '@stepcache/verifiers';

/**
 * The error for a bad option or argument: names the field, what it must be,
 * and what it was.
 */
export function invalidValue(
  code: Extract<StepCacheErrorCode, 'INVALID_OPTION' | 'INVALID_ARGUMENT'>,
  field: string,
  expectation: string,
  value: unknown,
): StepCacheError {
  return new StepCacheError({ code, message: `${field} ${expectation}, got ${describeValue(value)}`, details: { field } });
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
