import type { TaskInput } from '../verifier';
import type { CompiledSchema } from './compiled-schema';
import type { PromptParts } from './prompt-parts';
import type { RootShape } from './segment-json';
import type { SourceIndex } from './value-support';

/** A structured-output request as the JSON verifier reads it. */
export interface JsonProblem {
  /** The request it was read from. */
  readonly input: TaskInput;
  /**
   * The schema answers are checked against, compiled: the request's response
   * schema; or, for a request without one (`Output.json()`, `no-schema`)
   * whose prompt names its keys, the schema inferred from them (see
   * `inferredKeys`); otherwise `undefined` (only JSON syntax is checked).
   */
  readonly schema?: CompiledSchema;
  /**
   * Set when `schema` was inferred from the prompt rather than sent with the
   * request: the keys the prompt's instruction names ("with the keys A, B
   * and C", a bulleted list after "fields:", a JSON skeleton), in its order.
   * The inferred schema is an object with exactly these keys, all required,
   * `additionalProperties: false`, and no types. Error messages and patch
   * prompts then say "the prompt asks for the keys …".
   */
  readonly inferredKeys?: readonly string[];
  /** The root value the answer must have. */
  readonly root: RootShape;
  /** The prompt split into instruction and source text. */
  readonly parts: PromptParts;
  /** The source text, normalised: equal for two requests exactly when their data is the same. */
  readonly sourceKey: string;
  /** Literal occurrences in the source text (built on first use). */
  sourceIndex(): SourceIndex;
}
