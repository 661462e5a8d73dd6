import { StepCacheError } from '@stepcache/verifiers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-entry';
import { describeCacheStoreContract } from './cache-store-contract';
import { memoryStore } from './memory-store';
import type { MemoryStoreOptions } from './memory-store-options';
import { clusteredVectors } from './vector-index/clustered-vectors';
import { dot } from './vector-index/vector-math';

describeCacheStoreContract('memoryStore', () => memoryStore());
describeCacheStoreContract('memoryStore with HNSW from the first entry', () => memoryStore({ index: { exactThreshold: 0 } }));

let sequence = 0;
function entry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  sequence++;
  return {
    id: `e${sequence}`,
    partition: 'p',
    promptKey: `k${sequence}`,
    task: 'text',
    input: { prompt: `prompt ${sequence}`, responseFormat: { type: 'text' } },
    answer: `answer ${sequence}`,
    embedding: axis(sequence % 4),
    createdAt: sequence,
    ...overrides,
  };
}

function axis(i: number, dimensions = 4): Float32Array {
  const vector = new Float32Array(dimensions);
  vector[i] = 1;
  return vector;
}

async function ids(store: ReturnType<typeof memoryStore>, partition = 'p'): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < 4; i++) {
    const matches = await store.search({ partition, embedding: axis(i), limit: 1000, minSimilarity: 0.5 });
    found.push(...matches.map((m) => m.entry.id));
  }
  return found.sort();
}

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(StepCacheError.isInstance(error)).toBe(true);
    expect((error as StepCacheError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    return;
  }
  expect.fail('expected a StepCacheError');
}

describe('memoryStore options', () => {
  const bad: [MemoryStoreOptions, RegExp][] = [
    [{ maxEntries: -1 }, /^memoryStore: maxEntries must be a positive integer, got -1$/],
    [{ maxEntries: 1.5 }, /maxEntries must be a positive integer, got 1.5/],
    [{ maxEntries: Infinity }, /maxEntries must be a positive integer, got Infinity/],
    [{ maxBytes: 0 }, /maxBytes must be a positive integer number of bytes, got 0/],
    [{ ttlMs: 0 }, /ttlMs must be a positive number of milliseconds \(or Infinity\), got 0/],
    [{ ttlMs: Number.NaN }, /ttlMs .* got NaN/],
    [{ now: 5 as unknown as () => number }, /now must be a function/],
    [{ index: { m: 1 } }, /index\.m must be an integer from 2 to 127, got 1/],
    [{ index: { efSearch: 0 } }, /index\.efSearch must be a positive integer, got 0/],
    [{ index: { efConstruction: 2.5 } }, /index\.efConstruction must be a positive integer/],
    [{ index: { exactThreshold: -1 } }, /index\.exactThreshold must be a non-negative integer/],
    [{ maxEntries: '10' as unknown as number }, /maxEntries must be a positive integer, got the string "10"/],
  ];
  it.each(bad)('rejects %j', (options, message) => {
    expectError(() => memoryStore(options), 'INVALID_OPTION', message);
  });

  it('accepts Infinity as ttlMs and never expires entries then', async () => {
    let now = 0;
    const store = memoryStore({ ttlMs: Infinity, now: () => now });
    await store.put(entry({ promptKey: 'forever' }));
    now = 1e15;
    expect((await store.findExact('p', 'forever'))?.promptKey).toBe('forever');
  });
});

describe('memoryStore bounds', () => {
  it('evicts the least recently stored entry past maxEntries', async () => {
    const store = memoryStore({ maxEntries: 3 });
    const entries = [entry(), entry(), entry(), entry()];
    for (const item of entries) await store.put(item);
    expect(await ids(store)).toEqual(entries.slice(1).map((e) => e.id).sort());
    expect(await store.findExact('p', entries[0]!.promptKey)).toBeUndefined();
    expect(store.stats().entries).toBe(3);
  });

  it('counts entries over all partitions and evicts across them', async () => {
    const store = memoryStore({ maxEntries: 2 });
    const a = entry({ partition: 'a' });
    await store.put(a);
    await store.put(entry({ partition: 'b' }));
    await store.put(entry({ partition: 'b' }));
    expect(await store.findExact('a', a.promptKey)).toBeUndefined();
    expect(store.stats()).toMatchObject({ entries: 2, partitions: 1 });
  });

  it('refreshes recency on findExact and on search hits', async () => {
    const store = memoryStore({ maxEntries: 3 });
    const [a, b, c] = [entry({ embedding: axis(0) }), entry({ embedding: axis(1) }), entry({ embedding: axis(2) })];
    for (const item of [a, b, c]) await store.put(item);
    await store.findExact('p', a!.promptKey); // order now b, c, a
    await store.search({ partition: 'p', embedding: axis(1) }); // order now c, a, b
    const d = entry({ embedding: axis(3) });
    await store.put(d);
    expect(await ids(store)).toEqual([a!.id, b!.id, d.id].sort());
    await store.findExact('p', a!.promptKey); // order b, d, a
    await store.put(entry({ embedding: axis(2) }));
    expect(await store.findExact('p', b!.promptKey)).toBeUndefined();
    expect((await store.findExact('p', a!.promptKey))?.id).toBe(a!.id);
  });

  it('does not refresh entries a search filtered out', async () => {
    const store = memoryStore({ maxEntries: 2 });
    const a = entry({ embedding: axis(0) });
    const b = entry({ embedding: axis(1) });
    await store.put(a);
    await store.put(b);
    // a is below minSimilarity for this query: it stays least recently used.
    expect(await store.search({ partition: 'p', embedding: axis(1), limit: 5, minSimilarity: 0.5 })).toHaveLength(1);
    await store.put(entry({ embedding: axis(2) }));
    expect(await store.findExact('p', a.promptKey)).toBeUndefined();
    expect(await store.findExact('p', b.promptKey)).toBeDefined();
  });

  it('evicts by estimated bytes and stays under maxBytes', async () => {
    const probe = memoryStore();
    await probe.put(entry({ answer: 'x'.repeat(1000) }));
    const oneEntry = probe.stats().bytes;
    expect(oneEntry).toBeGreaterThan(2000);

    const store = memoryStore({ maxBytes: Math.floor(oneEntry * 2.5) });
    const entries = [1, 2, 3].map(() => entry({ answer: 'x'.repeat(1000), id: `big-${sequence}` }));
    for (const item of entries) {
      await store.put(item);
      expect(store.stats().bytes).toBeLessThanOrEqual(store.stats().maxBytes);
    }
    expect(store.stats().entries).toBe(2);
    expect(await store.findExact('p', entries[0]!.promptKey)).toBeUndefined();
    expect(await store.findExact('p', entries[2]!.promptKey)).toBeDefined();
  });

  it('counts longer answers as more bytes', async () => {
    const short = memoryStore();
    await short.put(entry({ answer: 'x' }));
    const long = memoryStore();
    await long.put(entry({ answer: 'x'.repeat(10_001) }));
    expect(long.stats().bytes - short.stats().bytes).toBe(20_000);
  });

  it('refuses an entry larger than maxBytes and keeps the others', async () => {
    const store = memoryStore({ maxBytes: 50_000 });
    const small = entry();
    await store.put(small);
    await expect(store.put(entry({ answer: 'x'.repeat(100_000) }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/more than maxBytes \(50000\)/),
    });
    expect((await store.findExact('p', small.promptKey))?.id).toBe(small.id);
  });

  it('frees the bytes of removed entries', async () => {
    const store = memoryStore({ maxEntries: 5 });
    for (let i = 0; i < 50; i++) await store.put(entry());
    const full = store.stats().bytes;
    await store.clear('p');
    expect(store.stats()).toMatchObject({ entries: 0, bytes: 0, partitions: 0 });
    for (let i = 0; i < 5; i++) await store.put(entry());
    expect(store.stats().bytes).toBe(full);
  });
});

describe('memoryStore TTL', () => {
  it('never returns an entry at or after its expiry', async () => {
    let now = 1000;
    const store = memoryStore({ ttlMs: 500, now: () => now });
    const item = entry({ embedding: axis(0) });
    await store.put(item);
    now = 1499;
    expect((await store.findExact('p', item.promptKey))?.id).toBe(item.id);
    expect(await store.search({ partition: 'p', embedding: axis(0) })).toHaveLength(1);
    now = 1500;
    expect(await store.findExact('p', item.promptKey)).toBeUndefined();
    expect(await store.search({ partition: 'p', embedding: axis(0) })).toEqual([]);
    expect(store.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('counts the TTL from when the entry was stored, not from createdAt', async () => {
    let now = 10_000;
    const store = memoryStore({ ttlMs: 100, now: () => now });
    const item = entry({ createdAt: 0 });
    await store.put(item);
    now = 10_050;
    expect(await store.findExact('p', item.promptKey)).toBeDefined();
  });

  it('does not extend the TTL when an entry is read', async () => {
    let now = 0;
    const store = memoryStore({ ttlMs: 100, now: () => now });
    const item = entry();
    await store.put(item);
    now = 90;
    expect(await store.findExact('p', item.promptKey)).toBeDefined();
    now = 100;
    expect(await store.findExact('p', item.promptKey)).toBeUndefined();
  });

  it('expires entries one by one in the order they were stored', async () => {
    let now = 0;
    const store = memoryStore({ ttlMs: 100, now: () => now });
    const first = entry();
    await store.put(first);
    now = 50;
    const second = entry();
    await store.put(second);
    now = 120;
    expect(await store.findExact('p', first.promptKey)).toBeUndefined();
    expect(await store.findExact('p', second.promptKey)).toBeDefined();
    expect(store.stats().entries).toBe(1);
  });

  it('still hides expired entries when the clock runs backwards', async () => {
    let now = 1000;
    const store = memoryStore({ ttlMs: 100, now: () => now });
    const late = entry({ embedding: axis(0) });
    await store.put(late); // expires at 1100
    now = 500;
    const early = entry({ embedding: axis(0) });
    await store.put(early); // expires at 600, queued behind `late`
    now = 700;
    expect((await store.search({ partition: 'p', embedding: axis(0), limit: 5 })).map((m) => m.entry.id)).toEqual([
      late.id,
    ]);
    expect(await store.findExact('p', early.promptKey)).toBeUndefined();
  });
});

describe('memoryStore entries', () => {
  it('replaces an entry stored again under the same id', async () => {
    const store = memoryStore();
    await store.put(entry({ id: 'same', answer: 'first', embedding: axis(0) }));
    await store.put(entry({ id: 'same', answer: 'second', embedding: axis(1) }));
    expect(store.stats().entries).toBe(1);
    const matches = await store.search({ partition: 'p', embedding: axis(1), limit: 5, minSimilarity: -1 });
    expect(matches.map((m) => m.entry.answer)).toEqual(['second']);
  });

  it('keeps its own copy of the embedding', async () => {
    const store = memoryStore();
    const item = entry({ embedding: axis(0) });
    await store.put(item);
    item.embedding.fill(0);
    item.embedding[3] = 1;
    const [match] = await store.search({ partition: 'p', embedding: axis(0) });
    expect(match?.similarity).toBeCloseTo(1, 6);
    expect(Array.from(match!.entry.embedding)).toEqual([1, 0, 0, 0]);
  });

  it('computes cosine similarity even for vectors that are not unit length', async () => {
    const store = memoryStore();
    await store.put(entry({ embedding: Float32Array.from([3, 4, 0, 0]) }));
    const [match] = await store.search({ partition: 'p', embedding: Float32Array.from([6, 8, 0, 0]) });
    expect(match?.similarity).toBeCloseTo(1, 6);
  });

  it('rejects malformed entries naming the field', async () => {
    const store = memoryStore();
    await expect(store.put(entry({ id: '' }))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: /entry\.id must not be empty/ });
    await expect(store.put(entry({ embedding: [1, 0] as unknown as Float32Array }))).rejects.toMatchObject({
      message: /entry\.embedding must be a non-empty Float32Array, got an array/,
    });
    await expect(store.put(entry({ embedding: new Float32Array(0) }))).rejects.toMatchObject({ message: /entry\.embedding/ });
    await expect(store.put(entry({ embedding: Float32Array.from([Number.NaN, 1]) }))).rejects.toMatchObject({
      message: /finite numbers only/,
    });
    await expect(store.put(entry({ createdAt: Number.NaN }))).rejects.toMatchObject({ message: /entry\.createdAt/ });
    await expect(store.put(entry({ partition: 7 as unknown as string }))).rejects.toMatchObject({ message: /entry\.partition must be a string/ });
    expect(store.stats().entries).toBe(0);
  });

  it('rejects vectors whose length differs from the partition', async () => {
    const store = memoryStore();
    await store.put(entry({ embedding: axis(0, 4) }));
    await expect(store.put(entry({ embedding: axis(0, 8) }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: /has 8 dimensions; the entries of this partition have 4/,
    });
    await expect(store.search({ partition: 'p', embedding: axis(0, 8) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Another partition may use another length.
    await store.put(entry({ partition: 'q', embedding: axis(0, 8) }));
    expect(await store.search({ partition: 'q', embedding: axis(0, 8) })).toHaveLength(1);
  });

  it('rejects malformed queries naming the field', async () => {
    const store = memoryStore();
    await expect(store.search({ partition: 'p', embedding: axis(0), limit: 0 })).rejects.toMatchObject({ message: /query\.limit must be a positive integer, got 0/ });
    await expect(store.search({ partition: 'p', embedding: axis(0), minSimilarity: Number.NaN })).rejects.toMatchObject({ message: /query\.minSimilarity/ });
    await expect(store.findExact(undefined as unknown as string, 'k')).rejects.toMatchObject({ message: /findExact: partition must be a string/ });
  });
});

describe('memoryStore against a reference model', () => {
  type Op =
    | { kind: 'put'; partition: number; key: number; seed: number }
    | { kind: 'exact'; partition: number; key: number }
    | { kind: 'search'; partition: number; seed: number; limit: number }
    | { kind: 'clear'; partition: number | undefined };
  const partition = fc.integer({ min: 0, max: 2 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), partition, key: fc.integer({ min: 0, max: 5 }), seed: fc.integer() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('exact' as const), partition, key: fc.integer({ min: 0, max: 5 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('search' as const), partition, seed: fc.integer(), limit: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), partition: fc.option(partition, { nil: undefined }) }) },
  );
  const vectorFrom = (seed: number): Float32Array => {
    const values = Array.from({ length: 6 }, (_, i) => Math.sin(seed * 0.0001 + i * 1.7 + (seed % 97)));
    const norm = Math.hypot(...values) || 1;
    return Float32Array.from(values, (v) => v / norm);
  };

  it('matches an LRU model with strict partitions for any sequence of calls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (ops, maxEntries) => {
        // Exact scans keep this property about LRU order and partitions deterministic; the
        // graph's recall under the same churn is tested in the approximate-search suite.
        const store = memoryStore({ maxEntries });
        // Model: entries least recently used first.
        let model: CacheEntry[] = [];
        const touch = (item: CacheEntry): void => {
          model = [...model.filter((e) => e !== item), item];
        };
        let id = 0;
        for (const step of ops) {
          const name = `tenant-${step.partition}`;
          if (step.kind === 'put') {
            const item = entry({ id: `m${id++}`, partition: name, promptKey: `key-${step.key}`, embedding: vectorFrom(step.seed * 7919 + id) });
            await store.put(item);
            model.push(item);
            if (model.length > maxEntries) model.shift();
          } else if (step.kind === 'exact') {
            const found = await store.findExact(name, `key-${step.key}`);
            // The newest put wins, whatever the recency order says.
            const expected = model
              .filter((e) => e.partition === name && e.promptKey === `key-${step.key}`)
              .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
              .at(-1);
            expect(found?.id).toBe(expected?.id);
            if (expected) touch(expected);
          } else if (step.kind === 'search') {
            const query = vectorFrom(step.seed);
            const found = await store.search({ partition: name, embedding: query, limit: step.limit });
            expect(found.every((m) => m.entry.partition === name)).toBe(true);
            const expected = model
              .filter((e) => e.partition === name)
              .map((e) => ({ e, s: dot(query, e.embedding) }))
              .sort((a, b) => b.s - a.s)
              .slice(0, step.limit);
            // Equal vectors may come back in either order; compare similarities, then ids as sets.
            expect(found.map((m) => m.similarity)).toEqual(expected.map((x) => expect.closeTo(x.s, 5)));
            expect(found.map((m) => m.entry.id).sort()).toEqual(expected.map((x) => x.e.id).sort());
            for (const match of found) touch(model.find((e) => e.id === match.entry.id)!);
          } else {
            await store.clear(step.partition === undefined ? undefined : `tenant-${step.partition}`);
            model = step.partition === undefined ? [] : model.filter((e) => e.partition !== `tenant-${step.partition}`);
          }
          expect(store.stats().entries).toBe(model.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('memoryStore approximate search', () => {
  it('finds the exact nearest entry for ≥ 95 % of queries at 20k clustered entries', { timeout: 180_000 }, async () => {
    const sample = clusteredVectors({ dimensions: 256, clusters: 200, spread: 0.5, seed: 11 });
    const store = memoryStore({ maxEntries: 50_000, maxBytes: 512 * 1024 * 1024 });
    const vectors = sample(20_000);
    for (const [i, embedding] of vectors.entries()) {
      await store.put(entry({ id: `v${i}`, partition: 'big', promptKey: `v${i}`, embedding }));
    }
    // A few entries in another partition sit right on the queries: they must never be returned.
    const queries = sample(300);
    for (const [i, embedding] of queries.slice(0, 50).entries()) {
      await store.put(entry({ id: `other${i}`, partition: 'other', embedding }));
    }

    let hits = 0;
    for (const query of queries) {
      const [match] = await store.search({ partition: 'big', embedding: query });
      let best = -1;
      let bestSim = -Infinity;
      vectors.forEach((vector, i) => {
        const sim = dot(query, vector);
        if (sim > bestSim) [best, bestSim] = [i, sim];
      });
      expect(match?.entry.partition).toBe('big');
      if (match?.entry.id === `v${best}`) hits++;
    }
    expect(hits / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});
