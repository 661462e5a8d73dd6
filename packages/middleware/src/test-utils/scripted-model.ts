import type {
  LanguageModelV4CallOptions,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

/** A reply of the scripted model: its text, and optionally how it ended. */
export interface ScriptedReply {
  readonly text: string;
  readonly finishReason?: LanguageModelV4FinishReason['unified'];
  /** Stream only: make the stream fail with this error after the text. */
  readonly error?: unknown;
}

/** The text of every message of a call, one line per message, `role: text`. */
export function promptText(options: LanguageModelV4CallOptions): string {
  return options.prompt
    .map((m) =>
      m.role === 'system' ? `system: ${m.content}` : `${m.role}: ${m.content.map((p) => (p.type === 'text' ? p.text : '')).join('')}`,
    )
    .join('\n');
}

/** The last user message of a call. */
export function lastUserText(options: LanguageModelV4CallOptions): string {
  const last = [...options.prompt].reverse().find((m) => m.role === 'user');
  return last?.role === 'user' ? last.content.map((p) => (p.type === 'text' ? p.text : '')).join('') : '';
}

function usageOf(options: LanguageModelV4CallOptions, text: string) {
  const input = Math.ceil(promptText(options).length / 4);
  const output = Math.ceil(text.length / 4);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

/**
 * A `MockLanguageModelV4` whose replies come from `answer(callOptions)`, for
 * both `doGenerate` and `doStream` (the stream sends the text in word-sized
 * deltas). Usage is ~4 characters per token. Calls are recorded on the mock.
 */
export function scriptedModel(
  answer: (options: LanguageModelV4CallOptions) => string | ScriptedReply,
  identity: { provider?: string; modelId?: string } = {},
): MockLanguageModelV4 {
  const reply = (options: LanguageModelV4CallOptions): ScriptedReply => {
    const value = answer(options);
    return typeof value === 'string' ? { text: value } : value;
  };
  return new MockLanguageModelV4({
    ...identity,
    doGenerate: async (options): Promise<LanguageModelV4GenerateResult> => {
      const { text, finishReason = 'stop' } = reply(options);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: finishReason, raw: finishReason },
        usage: usageOf(options, text),
        warnings: [],
      };
    },
    doStream: async (options) => {
      const { text, finishReason = 'stop', error } = reply(options);
      const deltas = text.match(/\S+\s*|\s+/g) ?? [];
      const chunks: LanguageModelV4StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't0' },
        ...deltas.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't0', delta })),
      ];
      if (error !== undefined) {
        chunks.push({ type: 'error', error });
      } else {
        chunks.push(
          { type: 'text-end', id: 't0' },
          { type: 'finish', finishReason: { unified: finishReason, raw: finishReason }, usage: usageOf(options, text) },
        );
      }
      return { stream: simulateReadableStream({ chunks, initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  });
}
