import type { CacheEntry, CacheMatch } from './cache-entry';

/** A nearest-neighbour query inside one partition. */
export interface CacheQuery {
  /** Only entries with this partition are candidates. */
  readonly partition: string;
  /** Unit-length query embedding. */
  readonly embedding: Float32Array;
  /** How many matches to return at most. Default 1. */
  readonly limit?: number;
  /** Matches below this cosine similarity are left out. Default: none. */
  readonly minSimilarity?: number;
}

/**
 * Where verified answers live. Every method may reject; the middleware then
 * carries on as if the cache were empty (fail open) and reports the error
 * through its event hook.
 *
 * All stores pass the shared contract suite in `store/cache-store-contract.ts`.
 */
export interface CacheStore {
  /** The entries of `partition` nearest to the query, best first. */
  search(query: CacheQuery): Promise<CacheMatch[]>;
  /** The newest entry of `partition` whose prompt digest is `promptKey`, if any. */
  findExact(partition: string, promptKey: string): Promise<CacheEntry | undefined>;
  /** Adds an entry. */
  put(entry: CacheEntry): Promise<void>;
  /** Removes every entry (of one partition, when given). */
  clear(partition?: string): Promise<void>;
}
