import type { LanguageModelV4GenerateResult, LanguageModelV4Middleware, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { lastUserText } from './prompt-text';

/** Options of {@link exactMatchCacheMiddleware}. */
export interface ExactMatchCacheOptions {
  /** Delay between replayed stream chunks on a hit, ms. Default 10, as in the AI SDK recipe. */
  readonly chunkDelayInMs?: number;
  /** Told about every lookup: whether it hit, and the prompt of the entry served. */
  readonly onLookup?: (lookup: { hit: boolean; cachedPrompt?: string }) => void;
}

interface Entry<T> {
  readonly value: T;
  readonly prompt: string;
}

/**
 * The exact-match cache of the AI SDK docs' caching recipe
 * (`06-advanced/04-caching.mdx`), with an in-process `Map` in place of
 * Redis: the key is `JSON.stringify({ provider, modelId, params })` — every
 * call option — and whatever the model returned is stored, as the recipe
 * does (no TTL, no verification; streams are replayed with
 * `simulateReadableStream` at `chunkDelayInMs` per chunk).
 */
export function exactMatchCacheMiddleware(options: ExactMatchCacheOptions = {}): LanguageModelV4Middleware & { readonly size: () => number } {
  const generated = new Map<string, Entry<LanguageModelV4GenerateResult>>();
  const streamed = new Map<string, Entry<LanguageModelV4StreamPart[]>>();
  const chunkDelayInMs = options.chunkDelayInMs ?? 10;
  return {
    specificationVersion: 'v4',
    size: () => generated.size + streamed.size,
    wrapGenerate: async ({ doGenerate, params, model }) => {
      const key = JSON.stringify({ provider: model.provider, modelId: model.modelId, params });
      const cached = generated.get(key);
      if (cached !== undefined) {
        options.onLookup?.({ hit: true, cachedPrompt: cached.prompt });
        return cached.value;
      }
      options.onLookup?.({ hit: false });
      const result = await doGenerate();
      generated.set(key, { value: result, prompt: lastUserText(params.prompt) });
      return result;
    },
    wrapStream: async ({ doStream, params, model }) => {
      const key = JSON.stringify({ provider: model.provider, modelId: model.modelId, params });
      const cached = streamed.get(key);
      if (cached !== undefined) {
        options.onLookup?.({ hit: true, cachedPrompt: cached.prompt });
        return { stream: simulateReadableStream({ initialDelayInMs: 0, chunkDelayInMs, chunks: cached.value }) };
      }
      options.onLookup?.({ hit: false });
      const { stream, ...rest } = await doStream();
      const parts: LanguageModelV4StreamPart[] = [];
      const prompt = lastUserText(params.prompt);
      const record = new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
        transform(part, controller) {
          parts.push(part);
          controller.enqueue(part);
        },
        flush() {
          streamed.set(key, { value: parts, prompt });
        },
      });
      return { stream: stream.pipeThrough(record), ...rest };
    },
  };
}
