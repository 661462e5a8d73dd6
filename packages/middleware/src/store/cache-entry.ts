import type { TaskInput } from '@stepcache/verifiers';

/**
 * One verified answer in the cache. Entries are immutable once stored; a
 * store may evict them but never edits them.
 */
export interface CacheEntry {
  /** Unique id, assigned by the middleware. */
  readonly id: string;
  /**
   * Partition key: a digest of provider, model id, system prompt, prior
   * conversation, response format and the caller's `scope`. Lookups only ever
   * see entries of the same partition.
   */
  readonly partition: string;
  /** Digest of the normalised prompt, for exact-repeat lookups. */
  readonly promptKey: string;
  /** Task family of the verifier that checked the answer, or `text`. */
  readonly task: string;
  /** The request the answer was written for. */
  readonly input: TaskInput;
  /** The verified answer text. */
  readonly answer: string;
  /** Embedding of `input.prompt`, unit length. */
  readonly embedding: Float32Array;
  /** When the entry was stored, in milliseconds since the epoch. */
  readonly createdAt: number;
}

/** A nearest-neighbour result. */
export interface CacheMatch {
  readonly entry: CacheEntry;
  /** Cosine similarity between the query and the entry's embedding, in [-1, 1]. */
  readonly similarity: number;
}
