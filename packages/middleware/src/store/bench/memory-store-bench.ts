/**
 * Benchmark of the memory store's lookups (not a test: numbers depend on the
 * machine). For each size it fills one partition, then reports put cost,
 * `search` (top-1) and `findExact` latency percentiles, recall@1 against
 * brute force, and heap bytes per entry next to the store's own estimate.
 *
 * Two data sets: `prompts` embeds templated math prompts with the local
 * embedder (what the cache really holds: many near-duplicates), `clustered`
 * draws synthetic clustered unit vectors (harder for the index).
 *
 * Run from the repository root (bundles with esbuild, then runs with GC exposed):
 *
 *   node_modules/.bin/esbuild packages/middleware/src/store/bench/memory-store-bench.ts \
 *     --bundle --platform=node --format=esm --outfile=node_modules/.cache/stepcache/memory-store-bench.mjs \
 *   && node --expose-gc node_modules/.cache/stepcache/memory-store-bench.mjs [sizes=1000,10000,100000] [datasets=prompts,clustered]
 *
 * Measured on the 2-core dev machine (Node 24, machine shared with other jobs):
 *
 *   prompts   n=100000 | put 957 µs/entry | search p50 0.626 ms p99 1.087 ms | findExact p50 2.9 µs | recall@1 0.970 | heap 2016 B/entry (estimate 2027)
 *   clustered n=100000 | put 643 µs/entry | search p50 0.289 ms p99 0.619 ms | findExact p50 2.1 µs | recall@1 1.000 | heap 2014 B/entry (estimate 2027)
 */
import { localEmbedder } from '../../embedding/local-embedder';
import type { CacheEntry } from '../cache-entry';
import { memoryStore } from '../memory-store';
import { clusteredVectors } from '../vector-index/clustered-vectors';
import { seededRandom } from '../vector-index/seeded-random';
import { dot } from '../vector-index/vector-math';

const QUERIES = 1000;
const RECALL_QUERIES = 200;
const DIMENSIONS = 256;

type Dataset = 'prompts' | 'clustered';

function promptVectors(seed: number): (count: number) => Float32Array[] {
  const embedder = localEmbedder({ dimensions: DIMENSIONS });
  const random = seededRandom(seed);
  const int = (max: number): number => 1 + Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const verbs = ['Solve', 'Find', 'Determine', 'Compute'];
  const names = ['x', 'y', 'z', 'a', 'b', 'n', 't'];
  const templates: (() => string)[] = [
    () => `${pick(verbs)} ${int(20)}${pick(names)} + ${int(50)} = ${int(200)}`,
    () => `${pick(verbs)} ${pick(names)}: ${int(9)}(${pick(names)} - ${int(20)}) = ${int(100)}`,
    () => `${pick(verbs)} the system: x + y = ${int(50)}, x - y = ${int(20)}`,
    () => `${pick(verbs)} ${int(9)}x^2 + ${int(20)}x - ${int(50)} = 0`,
    () => `Return a JSON object with the name and age of person ${int(100_000)}, who is ${int(90)}.`,
    () => `Extract the city and country from "I live in city ${int(5000)}, country ${int(200)}" as JSON.`,
    () => `${pick(verbs)} ${pick(names)} if ${int(30)}${pick(names)} - ${int(40)} = ${int(30)}${pick(names)} + ${int(60)}`,
  ];
  return (count) => Array.from({ length: count }, () => embedder.embedSync(pick(templates)()));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function memory(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Two collections with a turn of the event loop between, so finalised ArrayBuffers are released too.
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function run(size: number, dataset: Dataset): Promise<void> {
  const sample = dataset === 'prompts' ? promptVectors(42) : clusteredVectors({ dimensions: DIMENSIONS, clusters: Math.max(10, size / 100), seed: 42 });
  const vectors = sample(size);
  const queries = sample(QUERIES);
  const store = memoryStore({ maxEntries: size, maxBytes: 4 * 1024 ** 3, ttlMs: Infinity });
  const entries: CacheEntry[] = vectors.map((embedding, i) => ({
    id: `e${i}`,
    partition: 'bench',
    promptKey: `k${i}`,
    task: 'linear-equation',
    input: { prompt: `prompt number ${i} of the benchmark`, responseFormat: { type: 'text' } },
    answer: `Step 1: answer ${i}.\n\nStep 2: done.`,
    embedding,
    createdAt: i,
  }));

  const before = await memory();
  const putStart = performance.now();
  for (const entry of entries) await store.put(entry);
  const putMs = performance.now() - putStart;
  const heapPerEntry = ((await memory()) - before) / size;

  const searchTimes: number[] = [];
  for (const embedding of queries) {
    const start = performance.now();
    await store.search({ partition: 'bench', embedding });
    searchTimes.push(performance.now() - start);
  }
  searchTimes.sort((a, b) => a - b);

  const exactTimes: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const start = performance.now();
    await store.findExact('bench', `k${(i * 7919) % size}`);
    exactTimes.push(performance.now() - start);
  }
  exactTimes.sort((a, b) => a - b);

  let hits = 0;
  for (const query of queries.slice(0, RECALL_QUERIES)) {
    const [match] = await store.search({ partition: 'bench', embedding: query });
    let best = -Infinity;
    for (const vector of vectors) best = Math.max(best, dot(query, vector));
    // Ties (duplicate prompts) count as hits: any entry with the best similarity is a right answer.
    if (match !== undefined && match.similarity >= best - 1e-6) hits++;
  }

  const stats = store.stats();
  console.log(
    [
      `${dataset.padEnd(9)} n=${String(size).padStart(6)}`,
      `put ${((putMs / size) * 1000).toFixed(0).padStart(4)} µs/entry`,
      `search p50 ${percentile(searchTimes, 0.5).toFixed(3)} ms p99 ${percentile(searchTimes, 0.99).toFixed(3)} ms`,
      `findExact p50 ${(percentile(exactTimes, 0.5) * 1000).toFixed(1)} µs`,
      `recall@1 ${(hits / RECALL_QUERIES).toFixed(3)}`,
      `heap ${heapPerEntry.toFixed(0)} B/entry (estimate ${(stats.bytes / size).toFixed(0)})`,
    ].join(' | '),
  );
}

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const datasets = (process.argv[3] ?? 'prompts,clustered').split(',') as Dataset[];
console.log(`memoryStore benchmark: node ${process.version}, ${DIMENSIONS} dimensions, top-1 queries, one partition`);
for (const dataset of datasets) for (const size of sizes) await run(size, dataset);
