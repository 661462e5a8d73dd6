import type { LanguageModelV4CallOptions, LanguageModelV4Message } from '@ai-sdk/provider';
import type { TaskInput } from '@stepcache/verifiers';

/**
 * The request split into what the cache reasons about: the question (last
 * user message), the system prompt, the conversation before the question, and
 * the requested output format.
 */
export interface ParsedRequest {
  /** What verifiers see. */
  readonly input: TaskInput;
  /** System messages, in order, sent again with patch calls. */
  readonly systemMessages: readonly LanguageModelV4Message[];
  /** Messages between the system prompt and the question. */
  readonly history: readonly LanguageModelV4Message[];
}

/**
 * Why a call is not cacheable, or `undefined` when it is. Calls with tools,
 * with non-text input (images, files) or that do not end in a user message
 * (tool results, assistant prefill) go straight to the model.
 */
export function bypassReason(params: LanguageModelV4CallOptions): string | undefined {
  if (params.tools !== undefined && params.tools.length > 0) return 'the call has tools';
  const last = params.prompt.at(-1);
  if (last === undefined || last.role !== 'user') return 'the prompt does not end with a user message';
  for (const message of params.prompt) {
    if (message.role === 'user' && message.content.some((part) => part.type !== 'text')) {
      return 'the prompt has non-text input';
    }
    if (message.role === 'assistant' && message.content.some((part) => part.type !== 'text' && part.type !== 'reasoning')) {
      return 'the conversation has tool calls or files';
    }
    if (message.role === 'tool') return 'the conversation has tool results';
  }
  return undefined;
}

/** Splits a cacheable call into question, system prompt and history. */
export function parseRequest(params: LanguageModelV4CallOptions): ParsedRequest {
  const systemMessages = params.prompt.filter((m) => m.role === 'system');
  const rest = params.prompt.filter((m) => m.role !== 'system');
  const question = rest.at(-1);
  const prompt =
    question?.role === 'user'
      ? question.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
      : '';
  const system = systemMessages.map((m) => (m.role === 'system' ? m.content : '')).join('\n');
  const format = params.responseFormat;
  const input: TaskInput = {
    prompt,
    ...(system === '' ? {} : { system }),
    responseFormat:
      format?.type === 'json'
        ? {
            type: 'json',
            ...(format.schema === undefined ? {} : { schema: format.schema }),
            ...(format.name === undefined ? {} : { name: format.name }),
            ...(format.description === undefined ? {} : { description: format.description }),
          }
        : { type: 'text' },
  };
  return { input, systemMessages, history: rest.slice(0, -1) };
}
