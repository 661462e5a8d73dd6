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
}

/**
 * The partition a call reads and writes: same embedder, provider, model,
 * scope, system prompt, conversation before the question, and response
 * format (type and schema). Nothing is ever reused across partitions.
 */
export function partitionKey(parts: PartitionParts): Promise<string> {
  const { input, history } = parts.request;
  return digest(
    JSON.stringify([
      parts.embedder,
      parts.provider,
      parts.modelId,
      parts.scope,
      input.system ?? null,
      history.map(messageText),
      input.responseFormat,
    ]),
  );
}

function messageText(message: LanguageModelV4Message): [string, string] {
  if (message.role === 'system') return [message.role, message.content];
  const text = message.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
  return [message.role, text];
}
