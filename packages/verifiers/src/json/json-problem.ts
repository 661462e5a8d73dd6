import type { TaskInput } from '../verifier';
import type { CompiledSchema } from './compiled-schema';
import type { PromptParts } from './prompt-parts';
import type { RootShape } from './segment-json';
import type { SourceIndex } from './value-support';

/** A structured-output request as the JSON verifier reads it. */
export interface JsonProblem {
  /** The request it was read from. */
  readonly input: TaskInput;
  /** The response schema, compiled; `undefined` when the request has none (`Output.json()`, `no-schema`). */
  readonly schema?: CompiledSchema;
  /** The root value the answer must have. */
  readonly root: RootShape;
  /** The prompt split into instruction and source text. */
  readonly parts: PromptParts;
  /** The source text, normalised: equal for two requests exactly when their data is the same. */
  readonly sourceKey: string;
  /** Literal occurrences in the source text (built on first use). */
  sourceIndex(): SourceIndex;
}
