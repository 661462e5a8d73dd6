/**
 * Every error StepCache raises. `code` names the failure so callers can branch
 * on it without parsing messages.
 *
 * - `INVALID_OPTION`: an option passed to StepCache is out of range or of the wrong type.
 * - `INVALID_ARGUMENT`: a value passed to a StepCache function is malformed.
 * - `STRUCTURED_OUTPUT_INVALID`: the model's JSON could not be repaired to fit the schema.
 * - `ANSWER_UNVERIFIED`: the repair bound was reached, no answer passed verification and the task has no fallback.
 * - `STORE_ERROR`: a cache store failed (reported through events; requests fail open).
 * - `EMBEDDING_ERROR`: the embedder failed (reported through events; requests fail open).
 */
export type StepCacheErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_ARGUMENT'
  | 'STRUCTURED_OUTPUT_INVALID'
  | 'ANSWER_UNVERIFIED'
  | 'STORE_ERROR'
  | 'EMBEDDING_ERROR';

const marker = Symbol.for('stepcache.error');

/** A typed StepCache failure. */
export class StepCacheError extends Error {
  /** What failed; see {@link StepCacheErrorCode}. */
  readonly code: StepCacheErrorCode;
  /** Extra facts about the failure (the option name, the JSON paths that failed, ...). */
  readonly details: Readonly<Record<string, unknown>>;
  private readonly [marker] = true;

  constructor(options: {
    code: StepCacheErrorCode;
    message: string;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'StepCacheError';
    this.code = options.code;
    this.details = options.details ?? {};
  }

  /** True for any StepCacheError, also across duplicated package copies. */
  static isInstance(error: unknown): error is StepCacheError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
