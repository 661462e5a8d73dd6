export { jsonVerifier, type JsonVerifierOptions } from './json-verifier';
export type { JsonProblem } from './json-problem';
export type { CompiledSchema } from './compiled-schema';
export type { SchemaIssue } from './schema-issues';
export type { PromptParts, TaskKind } from './prompt-parts';
