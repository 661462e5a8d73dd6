import { StepCacheError } from '@stepcache/verifiers';
import type { EmbeddingModel } from 'ai';
import { embed } from 'ai';
import { invalidValue } from '../options/invalid-value';
import type { Embedder } from './embedder';

/** AI SDK `providerOptions`, as `embed` takes them. */
type ProviderOptions = NonNullable<Parameters<typeof embed>[0]['providerOptions']>;

/** Options of {@link embeddingModelEmbedder}. */
export interface EmbeddingModelEmbedderOptions {
  /**
   * The embedder id, part of every partition key. Default
   * `${provider}:${modelId}` (with `:${dimensions}` appended when
   * `dimensions` is set, since vectors of two lengths must not mix), or
   * `global:${id}` for a model given as a string id.
   */
  readonly id?: string;
  /**
   * Retries per call, as in the AI SDK's `embed`. Default 0: a failed lookup
   * falls back to the model anyway, and a retry's back-off would hold up the
   * request it was meant to speed up.
   */
  readonly maxRetries?: number;
  /** Requested vector length, for models that support it. Default: the model's own. */
  readonly dimensions?: number;
  /** Provider-specific options passed to `embed`. Default: none. */
  readonly providerOptions?: ProviderOptions;
  /** Extra HTTP headers for HTTP-based providers. Default: none. */
  readonly headers?: Record<string, string>;
}

/**
 * Adapts an AI SDK embedding model (`EmbeddingModel` from `ai@7`: a
 * provider's model object, or a model id string resolved by the global
 * provider) to an {@link Embedder}. Each `embed` makes one `embed()` call
 * from `ai` and passes the caller's `abortSignal` through.
 *
 * Failures reject with `StepCacheError` (`EMBEDDING_ERROR`, the SDK's error
 * as `cause`); an aborted call rejects with the abort reason as is, so
 * callers can tell cancellation from failure. Throws `StepCacheError`
 * (`INVALID_OPTION`) for bad options.
 *
 * @example
 * import { openai } from '@ai-sdk/openai';
 * const embedder = embeddingModelEmbedder(openai.embedding('text-embedding-3-small'));
 */
export function embeddingModelEmbedder(model: EmbeddingModel, options: EmbeddingModelEmbedderOptions = {}): Embedder {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'must be an object', options);
  const { maxRetries = 0, dimensions, providerOptions, headers } = options;
  if (typeof model !== 'string' && (typeof model !== 'object' || model === null || typeof model.doEmbed !== 'function')) {
    throw invalid('model', 'must be an AI SDK embedding model or a model id string', model);
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw invalid('maxRetries', 'must be a non-negative integer', maxRetries);
  if (dimensions !== undefined && !(Number.isInteger(dimensions) && dimensions > 0)) {
    throw invalid('dimensions', 'must be a positive integer', dimensions);
  }
  if (options.id !== undefined && (typeof options.id !== 'string' || options.id.length === 0)) {
    throw invalid('id', 'must be a non-empty string', options.id);
  }
  const id = options.id ?? defaultId(model, dimensions);

  return {
    id,
    async embed(text, callOptions) {
      const abortSignal = callOptions?.abortSignal;
      try {
        const { embedding } = await embed({
          model,
          value: text,
          maxRetries,
          ...(abortSignal === undefined ? {} : { abortSignal }),
          ...(dimensions === undefined ? {} : { dimensions }),
          ...(providerOptions === undefined ? {} : { providerOptions }),
          ...(headers === undefined ? {} : { headers }),
        });
        if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every(Number.isFinite)) {
          throw new Error('the model returned an empty or non-finite embedding');
        }
        return Float32Array.from(embedding);
      } catch (error) {
        if (abortSignal?.aborted) throw error;
        throw new StepCacheError({
          code: 'EMBEDDING_ERROR',
          message: `embedder ${id} failed: ${error instanceof Error ? error.message : String(error)}`,
          details: { embedder: id },
          cause: error,
        });
      }
    },
  };
}

function defaultId(model: EmbeddingModel, dimensions: number | undefined): string {
  const base = typeof model === 'string' ? `global:${model}` : `${model.provider}:${model.modelId}`;
  return dimensions === undefined ? base : `${base}:${dimensions}`;
}

function invalid(field: string, expectation: string, value: unknown): StepCacheError {
  return invalidValue('INVALID_OPTION', `embeddingModelEmbedder: ${field}`, expectation, value);
}
