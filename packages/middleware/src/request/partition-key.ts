import type { LanguageModelV4Message } from '@ai-sdk/provider';
import { digest } from '../keys/digest';
import type { ParsedRequest } from './task-input';

/** What separates one cache partition from another. */
export interface PartitionParts {
  /** Embedder id: vectors of two embedders never meet. */
  readonly embedder: string;
  readonly provider: string;
  readonly modelId: string;
  /** The caller's scope (tenant, user, namespace). */
  readonly scope: string;
  readonly request: ParsedRequest;
  /**
   * True when the verifier of the request judges answers against the
   * response schema itself (`Verifier.judgesSchema`): the schema then stays
   * out of the key, so a cached answer can be re-checked against a changed
   * schema. The format's type, name and description stay in.
   */
  readonly schemaJudged?: boolean;
}

/**
 * The partition a call reads and writes: same embedder, provider, model,
 * scope, system prompt, conversation before the question, and response
 * format (type, name, description and — unless the verifier judges it —
 * schema). Nothing is ever reused across partitions.
 */
export function partitionKey(parts: PartitionParts): Promise<string> {
  const { input, history } = parts.request;
  const format = input.responseFormat;
  const formatKey = parts.schemaJudged === true && format.type === 'json' ? { ...format, schema: undefined } : format;
  return digest(
    JSON.stringify([
      parts.embedder,
      parts.provider,
      parts.modelId,
      parts.scope,
      input.system ?? null,
      history.map(messageText),
      formatKey,
    ]),
  );
}

function messageText(message: LanguageModelV4Message): [string, string] {
  if (message.role === 'system') return [message.role, message.content];
  const text = message.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
  return [message.role, text];
}
