import type { ResolvedOptions } from '../options/resolve-options';
import type { CacheEntry } from '../store/cache-entry';
import { withTimeout } from './with-timeout';
import { embedText } from './embed-text';

/** The nearest cached request in the partition, if any. */
export interface Candidate {
  readonly entry: CacheEntry;
  readonly similarity: number;
  /** True when the cached prompt is the same normalised text. */
  readonly exact: boolean;
}

/** What a lookup found, and the query embedding (kept for storing the answer). */
export interface Lookup {
  readonly candidate?: Candidate;
  /** Undefined when the embedder failed: the answer cannot be stored then. */
  readonly embedding?: Float32Array;
}

/**
 * Finds the best candidate for a prompt inside one partition: an exact repeat
 * first, else the nearest neighbour at or above `minSimilarity`. Store and
 * embedder failures or timeouts are reported and treated as "nothing found".
 */
export async function findCandidate(
  options: ResolvedOptions,
  query: { partition: string; promptKey: string; prompt: string; abortSignal?: AbortSignal },
): Promise<Lookup> {
  const { store, timeoutMs, emit } = options;
  const exact = await withTimeout(store.findExact(query.partition, query.promptKey), timeoutMs, 'store lookup').catch(
    (error: unknown) => {
      emit({ type: 'error', stage: 'lookup', error });
      return undefined;
    },
  );
  if (exact !== undefined) {
    return { candidate: { entry: exact, similarity: 1, exact: true }, embedding: exact.embedding };
  }

  const embedding = await embedText(options, query.prompt, query.abortSignal);
  if (embedding === undefined) return {};
  const matches = await withTimeout(
    store.search({ partition: query.partition, embedding, limit: 1, minSimilarity: options.minSimilarity }),
    timeoutMs,
    'store search',
  ).catch((error: unknown) => {
    emit({ type: 'error', stage: 'lookup', error });
    return [];
  });
  const best = matches[0];
  if (best === undefined) return { embedding };
  return {
    candidate: { entry: best.entry, similarity: best.similarity, exact: best.entry.promptKey === query.promptKey },
    embedding,
  };
}
