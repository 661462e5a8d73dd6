import type { CacheEntry, CacheMatch, CacheQuery, CacheStore } from '@stepcache/middleware';

/** A store that remembers which entries it handed out during the current request. */
export interface RecordingStore extends CacheStore {
  /** Forgets what was recorded (call before each request). */
  reset(): void;
  /** The entry the last `findExact` hit or `search` ranked first since `reset`, if any. */
  lastReturned(): CacheEntry | undefined;
}

/**
 * Wraps a `CacheStore` without changing its behaviour, remembering the
 * entries it returns, so the benchmark can name the cached prompt a reused
 * or patched answer came from (for free-text correctness and for failure
 * reports).
 */
export function recordingStore(store: CacheStore): RecordingStore {
  let last: CacheEntry | undefined;
  return {
    reset() {
      last = undefined;
    },
    lastReturned: () => last,
    async search(query: CacheQuery): Promise<CacheMatch[]> {
      const matches = await store.search(query);
      if (matches[0] !== undefined) last = matches[0].entry;
      return matches;
    },
    async findExact(partition: string, promptKey: string): Promise<CacheEntry | undefined> {
      const entry = await store.findExact(partition, promptKey);
      if (entry !== undefined) last = entry;
      return entry;
    },
    put: (entry) => store.put(entry),
    clear: (partition) => store.clear(partition),
  };
}
