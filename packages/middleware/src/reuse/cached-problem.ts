import type { AnyVerifier } from '@stepcache/verifiers';
import type { CacheEntry } from '../store/cache-entry';

// Entries from the memory store keep their identity between lookups, so a
// repeat hit skips re-parsing; entries from remote stores are parsed each time.
const parsed = new WeakMap<CacheEntry, unknown>();

/** The problem a cached entry was answering, as the verifier parses it now. */
export function cachedProblem(verifier: AnyVerifier, entry: CacheEntry): unknown {
  if (parsed.has(entry)) return parsed.get(entry);
  const problem: unknown = verifier.detect(entry.input);
  parsed.set(entry, problem);
  return problem;
}
