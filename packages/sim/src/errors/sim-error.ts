/**
 * Failure codes of the simulated backend. They mirror the codes of
 * `StepCacheError` in `@stepcache/verifiers` (this package must not depend on
 * it, so the class is re-declared here with the same brand).
 *
 * - `INVALID_OPTION`: an option passed to `simulatedModel` / `startSimServer` is out of range or of the wrong type.
 * - `INVALID_ARGUMENT`: a value passed to a sim function (or an HTTP request field) is malformed.
 */
export type SimErrorCode = 'INVALID_OPTION' | 'INVALID_ARGUMENT';

// Same registry symbol as StepCacheError, so `StepCacheError.isInstance(simError)` is true.
const marker = Symbol.for('stepcache.error');

/** A typed failure of the simulated backend (a `StepCacheError` look-alike: `name`, `code`, `details`). */
export class SimError extends Error {
  /** What failed; see {@link SimErrorCode}. */
  readonly code: SimErrorCode;
  /** Extra facts about the failure (at least `field` for option and argument errors). */
  readonly details: Readonly<Record<string, unknown>>;
  private readonly [marker] = true;

  constructor(options: { code: SimErrorCode; message: string; details?: Record<string, unknown>; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'StepCacheError';
    this.code = options.code;
    this.details = options.details ?? {};
  }

  /** True for any SimError or StepCacheError, also across duplicated package copies. */
  static isInstance(error: unknown): error is SimError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Builds the `INVALID_OPTION` error for option `field`, saying what was wrong. */
export function invalidOption(field: string, problem: string, value?: unknown): SimError {
  return new SimError({
    code: 'INVALID_OPTION',
    message: `Invalid option \`${field}\`: ${problem}`,
    details: { field, value },
  });
}
