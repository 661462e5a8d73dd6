import { StepCacheError } from '@stepcache/middleware';

/**
 * The error for a bad benchmark option or flag: a `StepCacheError` with code
 * `INVALID_OPTION` whose message names the option and what was wrong.
 */
export function invalidOption(option: string, expectation: string, value: unknown): StepCacheError {
  return new StepCacheError({
    code: 'INVALID_OPTION',
    message: `${option} ${expectation}, got ${JSON.stringify(value) ?? String(value)}`,
    details: { option, value },
  });
}
