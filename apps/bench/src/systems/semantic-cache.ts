import type { LanguageModelV4GenerateResult, LanguageModelV4Middleware } from '@ai-sdk/provider';
import { lastUserText } from './prompt-text';

/** Options of {@link semanticCacheMiddleware}. */
export interface SemanticCacheOptions {
  /** Embeds a prompt; the vector need not be unit length. */
  readonly embed: (text: string) => Float32Array | readonly number[] | Promise<Float32Array | readonly number[]>;
  /** Cosine similarity at or above which a cached answer is served. Default 0.9. */
  readonly threshold?: number;
  /** Told about every lookup: whether it hit, the best similarity and the prompt of the entry served. */
  readonly onLookup?: (lookup: { hit: boolean; similarity?: number; cachedPrompt?: string }) => void;
}

interface Entry {
  readonly vector: Float32Array;
  readonly prompt: string;
  readonly result: LanguageModelV4GenerateResult;
}

function unit(vector: Float32Array | readonly number[]): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/**
 * A whole-response semantic cache in the style of GPTCache and
 * `@upstash/semantic-cache`: the last user message is embedded; when a
 * cached prompt's embedding has cosine similarity ≥ `threshold`, that
 * prompt's whole response is served; otherwise the model answers and its
 * response is stored. The threshold is the only guard: no verification, no
 * response format in the key, every response stored. Streams pass through
 * uncached (as with `@upstash/semantic-cache`). Lookup is a linear scan —
 * the benchmark compares reuse policy, not index speed.
 */
export function semanticCacheMiddleware(options: SemanticCacheOptions): LanguageModelV4Middleware & { readonly size: () => number } {
  const threshold = options.threshold ?? 0.9;
  const entries: Entry[] = [];
  return {
    specificationVersion: 'v4',
    size: () => entries.length,
    wrapGenerate: async ({ doGenerate, params }) => {
      const prompt = lastUserText(params.prompt);
      const vector = unit(await options.embed(prompt));
      let best: Entry | undefined;
      let bestSimilarity = -Infinity;
      for (const entry of entries) {
        const similarity = dot(vector, entry.vector);
        if (similarity > bestSimilarity) {
          best = entry;
          bestSimilarity = similarity;
        }
      }
      if (best !== undefined && bestSimilarity >= threshold) {
        options.onLookup?.({ hit: true, similarity: bestSimilarity, cachedPrompt: best.prompt });
        return best.result;
      }
      options.onLookup?.(best === undefined ? { hit: false } : { hit: false, similarity: bestSimilarity });
      const result = await doGenerate();
      entries.push({ vector, prompt, result });
      return result;
    },
  };
}
