import type { EmbeddingModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { AnyVerifier } from '@stepcache/verifiers';
import type { Embedder } from '../embedding/embedder';
import type { StepCacheEventHandler } from '../report/stepcache-event';
import type { CacheStore } from '../store/cache-store';

/** Options of {@link stepCacheMiddleware}. Every field is optional. */
export interface StepCacheOptions {
  /** Where verified answers are kept. Default: `memoryStore()` (in-process, bounded, no network). */
  store?: CacheStore;
  /**
   * How prompts are embedded for retrieval: a StepCache `Embedder` or any AI
   * SDK embedding model. Default: `localEmbedder()` (feature hashing, runs
   * locally with no network).
   */
  embedding?: Embedder | EmbeddingModelV4;
  /**
   * Task verifiers, asked in order; the first whose `detect` recognises a
   * request judges it. Requests no verifier recognises are free text and are
   * reused only on an exact prompt match. Default: every built-in verifier
   * of `@stepcache/verifiers`.
   */
  verifiers?: readonly AnyVerifier[];
  /**
   * Cosine similarity a cached request must reach to be considered for reuse,
   * in [-1, 1]. Default `0.65`. Reuse is still decided by verification; this
   * only bounds which candidates are looked at. With the local embedder the
   * same problem asked in other words often scores 0.65–0.8, different
   * problems of one task family 0.3–0.7 (verification refuses those).
   */
  minSimilarity?: number;
  /**
   * Repair calls allowed after the first patch call (and after the full
   * generation on a miss) before the deterministic fallback answers. A
   * non-negative integer. Default `2`.
   */
  maxRepairs?: number;
  /**
   * Budget for each store or embedder operation, in milliseconds. Past it the
   * request carries on without the cache (fail open) and an `error` event is
   * emitted. Default `1000`; `Infinity` disables the limit.
   */
  timeoutMs?: number;
  /**
   * Derives the cache scope of a call. Default: `providerOptions.stepcache.scope`,
   * or the shared scope `''`. Entries are never visible across scopes.
   */
  scope?: (params: LanguageModelV4CallOptions) => string | undefined;
  /** Receives hits, patches, skips, fallbacks, stores and cache errors. Default: none. */
  onEvent?: StepCacheEventHandler;
  /**
   * How a streamed miss (or skip) of a task that has a verifier reaches the
   * caller. Free text always passes through untouched.
   * - `'verified'` (default): each step is released once it is complete and
   *   verified, with repair and the fallback inside the stream — the same
   *   answer `generateText` gets; a step is held until its end is seen.
   * - `'passthrough'`: the model's stream passes through untouched (same
   *   chunks, same timing) and is stored only if it ended with `stop` and
   *   verifies; a wrong answer reaches the caller as the model wrote it, with
   *   `providerMetadata.stepcache.verified: false`.
   */
  streamMisses?: 'verified' | 'passthrough';
}
