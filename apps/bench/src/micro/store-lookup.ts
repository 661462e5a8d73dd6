import type { CacheEntry } from '@stepcache/middleware';
import { localEmbedder, memoryStore } from '@stepcache/middleware';
import { generateWorkload } from '../workload/generate-workload';
import type { LatencyFigures } from './latency-figures';
import { latencyFigures } from './latency-figures';
import { forceGc, settledHeap } from './force-gc';

/** Lookup speed and memory of the memory store at one size. */
export interface StoreLookupFigures {
  /** Entries stored (one partition: the worst case for a lookup). */
  readonly entries: number;
  /** `search` (top-1, min similarity 0.8) over fresh queries. */
  readonly search: LatencyFigures;
  /** Mean time to `put` one entry while filling, ms. */
  readonly putMeanMs: number;
  /** Memory growth (V8 heap + ArrayBuffers) per stored entry after a full GC, bytes (undefined without gc). */
  readonly heapBytesPerEntry?: number;
  /** The store's own byte estimate per entry. */
  readonly estimatedBytesPerEntry: number;
}

/** Prompts of generated workloads (seeds from `firstSeed` on), `count` of them. */
function workloadPrompts(count: number, firstSeed: number): string[] {
  const prompts: string[] = [];
  for (let seed = firstSeed; prompts.length < count; seed++) {
    for (const request of generateWorkload({ seed })) {
      prompts.push(request.prompt);
      if (prompts.length === count) break;
    }
  }
  return prompts;
}

/** A plausible stored answer for a prompt (about 400 characters, like the simulator's). */
function answerFor(prompt: string, i: number): string {
  return `Let's work through this step by step.\n\n1. Restate the request: ${prompt.slice(0, 120)}\n2. Isolate the unknown on one side and simplify both sides.\n3. Divide by the coefficient to get the value.\n\nFinal answer: x = ${i % 97}`;
}

/**
 * Fills a fresh `memoryStore` (bounds raised so nothing is evicted) with
 * `entries` real workload prompts embedded by `localEmbedder`, then times
 * `queries` searches for prompts of other seeds. Heap per entry is the
 * settled heap growth across the fill divided by the entry count.
 */
export async function measureStoreLookup(options: { entries: number; queries: number }): Promise<StoreLookupFigures> {
  const gc = forceGc();
  const embedder = localEmbedder();
  const partition = 'bench';
  const before = settledHeap(gc);
  const store = memoryStore({ maxEntries: options.entries + 1, maxBytes: 4 * 1024 ** 3, ttlMs: Number.POSITIVE_INFINITY });
  let putTime = 0;
  {
    const prompts = workloadPrompts(options.entries, 1_000);
    for (let i = 0; i < prompts.length; i++) {
      const prompt = prompts[i] as string;
      const entry: CacheEntry = {
        id: `e${i}`,
        partition,
        promptKey: `k${i}`,
        task: 'linear-equation',
        input: { prompt, responseFormat: { type: 'text' } },
        answer: answerFor(prompt, i),
        embedding: embedder.embedSync(prompt),
        createdAt: Date.now(),
      };
      const started = performance.now();
      await store.put(entry);
      putTime += performance.now() - started;
    }
  }
  const after = settledHeap(gc);
  const stats = store.stats();
  const queries = workloadPrompts(options.queries, 900_000).map((p) => embedder.embedSync(p));
  for (const embedding of queries.slice(0, 50)) await store.search({ partition, embedding, limit: 1, minSimilarity: 0.8 });
  const timings: number[] = [];
  for (const embedding of queries) {
    const started = performance.now();
    await store.search({ partition, embedding, limit: 1, minSimilarity: 0.8 });
    timings.push(performance.now() - started);
  }
  return {
    entries: stats.entries,
    search: latencyFigures(timings),
    putMeanMs: putTime / Math.max(1, options.entries),
    ...(before === undefined || after === undefined ? {} : { heapBytesPerEntry: (after - before) / Math.max(1, stats.entries) }),
    estimatedBytesPerEntry: stats.bytes / Math.max(1, stats.entries),
  };
}
