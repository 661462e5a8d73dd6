import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-entry';
import type { CacheStore } from './cache-store';

/** Options of {@link describeCacheStoreContract}. */
export interface CacheStoreContractOptions {
  /**
   * Length of the test embeddings; set it to the dimension of the index
   * behind a remote store. At least 2. Default 8.
   */
  readonly dimensions?: number;
  /**
   * Awaited after every write and before the reads that check it, for
   * stores whose reads lag their writes (eventual consistency). Default: none.
   */
  readonly settle?: (store: CacheStore) => Promise<void>;
  /** Awaited after each test to release the store (close clients, delete data). Default: none. */
  readonly dispose?: (store: CacheStore) => Promise<void>;
  /** Timeout of each test in milliseconds. Default: Vitest's configured timeout. */
  readonly timeoutMs?: number;
}

/**
 * The behaviour every {@link CacheStore} must show, as a Vitest suite.
 * Call it from a store's test file:
 *
 * ```ts
 * describeCacheStoreContract('memoryStore', () => memoryStore());
 * ```
 *
 * `createStore` is called before each test and must return an empty store
 * (or one whose other contents are in partitions the suite does not use:
 * every partition name here starts with a random per-run prefix, except in
 * the test of `clear()` without a partition, which empties the whole store).
 * Covered: put/findExact/search round trip with every field intact,
 * best-first order, `limit`, `minSimilarity`, strict partition isolation
 * (search, findExact and `clear(partition)`), `clear()`, and the newest
 * entry winning `findExact` among duplicates.
 */
export function describeCacheStoreContract(
  name: string,
  createStore: () => CacheStore | Promise<CacheStore>,
  options: CacheStoreContractOptions = {},
): void {
  const { dimensions = 8, settle, dispose, timeoutMs } = options;
  if (!Number.isInteger(dimensions) || dimensions < 2) throw new RangeError('dimensions must be an integer >= 2');
  const run = `contract-${Math.random().toString(36).slice(2, 10)}`;
  const partitionA = `${run}-tenant-a`;
  const partitionB = `${run}-tenant-b`;
  const partitionC = `${run}-tenant-c`;
  let sequence = 0;

  /** Unit vector at `degrees` in the plane of the first two axes: cos(a - b) is the similarity of two. */
  const at = (degrees: number): Float32Array => {
    const vector = new Float32Array(dimensions);
    vector[0] = Math.cos((degrees * Math.PI) / 180);
    vector[1] = Math.sin((degrees * Math.PI) / 180);
    return vector;
  };
  const entry = (partition: string, overrides: Partial<CacheEntry> & { degrees?: number } = {}): CacheEntry => {
    sequence++;
    const { degrees = 0, ...rest } = overrides;
    return {
      id: `${run}-entry-${sequence}`,
      partition,
      promptKey: `key-${sequence}`,
      task: 'linear-equation',
      input: { prompt: `Solve ${sequence}x + 3 = 7`, responseFormat: { type: 'text' } },
      answer: `Step 1: subtract 3.\n\nStep 2: divide by ${sequence}.`,
      embedding: at(degrees),
      createdAt: 1_700_000_000_000 + sequence,
      ...rest,
    };
  };

  describe(`CacheStore contract: ${name}`, () => {
    let store: CacheStore;
    const putAll = async (...entries: CacheEntry[]): Promise<void> => {
      for (const item of entries) await store.put(item);
      await settle?.(store);
    };

    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await dispose?.(store);
    });

    it('finds nothing in an empty partition', { timeout: timeoutMs }, async () => {
      await expect(store.search({ partition: partitionA, embedding: at(0), limit: 5 })).resolves.toEqual([]);
      await expect(store.findExact(partitionA, 'key-none')).resolves.toBeUndefined();
    });

    it('returns a stored entry intact from findExact and search', { timeout: timeoutMs }, async () => {
      const stored = entry(partitionA, {
        degrees: 10,
        input: {
          prompt: 'Return {"name": "Ada", "age": 36} as JSON — ünïcödé ✓',
          system: 'You answer in JSON.',
          responseFormat: {
            type: 'json',
            schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          },
        },
        answer: '{"name":"Ada","age":36}',
        task: 'json',
      });
      // Values that are not round in binary, so any lossy encoding shows.
      const raw = Array.from({ length: dimensions }, (_, i) => Math.sin(i * 12.9898 + 1.2345));
      const norm = Math.hypot(...raw);
      stored.embedding.set(raw.map((value) => value / norm));
      const original = { ...stored, embedding: Float32Array.from(stored.embedding) };
      await putAll(stored);

      const exact = await store.findExact(partitionA, stored.promptKey);
      expectSameEntry(exact, original);
      const [match, ...rest] = await store.search({ partition: partitionA, embedding: stored.embedding });
      expect(rest).toEqual([]);
      expectSameEntry(match?.entry, original);
      expect(match?.similarity).toBeCloseTo(1, 3);
    });

    it('orders matches best first with their cosine similarity', { timeout: timeoutMs }, async () => {
      await putAll(entry(partitionA, { degrees: 60 }), entry(partitionA, { degrees: 0 }), entry(partitionA, { degrees: 150 }), entry(partitionA, { degrees: 30 }));
      const matches = await store.search({ partition: partitionA, embedding: at(0), limit: 10 });
      expect(matches.map((m) => Math.round(angleOf(m.entry.embedding)))).toEqual([0, 30, 60, 150]);
      const expected = [1, Math.cos(Math.PI / 6), 0.5, Math.cos((150 * Math.PI) / 180)];
      matches.forEach((m, i) => expect(m.similarity).toBeCloseTo(expected[i]!, 3));
    });

    it('returns one match by default and at most `limit`', { timeout: timeoutMs }, async () => {
      await putAll(entry(partitionA, { degrees: 20 }), entry(partitionA, { degrees: 5 }), entry(partitionA, { degrees: 40 }));
      const one = await store.search({ partition: partitionA, embedding: at(0) });
      expect(one.map((m) => Math.round(angleOf(m.entry.embedding)))).toEqual([5]);
      const two = await store.search({ partition: partitionA, embedding: at(0), limit: 2 });
      expect(two.map((m) => Math.round(angleOf(m.entry.embedding)))).toEqual([5, 20]);
    });

    it('leaves out matches below `minSimilarity`', { timeout: timeoutMs }, async () => {
      await putAll(entry(partitionA, { degrees: 0 }), entry(partitionA, { degrees: 40 }), entry(partitionA, { degrees: 80 }));
      // cos 40° ≈ 0.766, cos 80° ≈ 0.174
      const matches = await store.search({ partition: partitionA, embedding: at(0), limit: 10, minSimilarity: 0.7 });
      expect(matches.map((m) => Math.round(angleOf(m.entry.embedding)))).toEqual([0, 40]);
      const none = await store.search({ partition: partitionA, embedding: at(90), limit: 10, minSimilarity: 0.99 });
      expect(none).toEqual([]);
    });

    it('never shows an entry outside its partition', { timeout: timeoutMs }, async () => {
      // Same vectors and same prompt keys in every partition: only the partition tells them apart.
      const all: CacheEntry[] = [];
      for (const partition of [partitionA, partitionB, partitionC]) {
        for (let i = 0; i < 4; i++) all.push(entry(partition, { degrees: i * 10, promptKey: `shared-key-${i}` }));
      }
      await putAll(...all);

      for (const partition of [partitionA, partitionB, partitionC]) {
        const matches = await store.search({ partition, embedding: at(0), limit: 50, minSimilarity: -1 });
        expect(matches).toHaveLength(4);
        expect(matches.every((m) => m.entry.partition === partition)).toBe(true);
        for (let i = 0; i < 4; i++) {
          const exact = await store.findExact(partition, `shared-key-${i}`);
          expect(exact?.partition).toBe(partition);
        }
      }
      await expect(store.search({ partition: `${run}-tenant-unknown`, embedding: at(0), limit: 50 })).resolves.toEqual([]);
      await expect(store.findExact(`${run}-tenant-unknown`, 'shared-key-0')).resolves.toBeUndefined();
      // A partition name that is a prefix of another is still another partition.
      await expect(store.search({ partition: `${run}-tenant`, embedding: at(0), limit: 50 })).resolves.toEqual([]);
    });

    it('clears one partition without touching the others', { timeout: timeoutMs }, async () => {
      await putAll(
        entry(partitionA, { promptKey: 'same' }),
        entry(partitionB, { promptKey: 'same' }),
        entry(partitionC, { promptKey: 'same' }),
      );
      await store.clear(partitionB);
      await settle?.(store);

      await expect(store.findExact(partitionB, 'same')).resolves.toBeUndefined();
      await expect(store.search({ partition: partitionB, embedding: at(0), limit: 10 })).resolves.toEqual([]);
      for (const partition of [partitionA, partitionC]) {
        expect((await store.findExact(partition, 'same'))?.partition).toBe(partition);
        expect(await store.search({ partition, embedding: at(0), limit: 10 })).toHaveLength(1);
      }
    });

    it('clears every partition with clear()', { timeout: timeoutMs }, async () => {
      await putAll(entry(partitionA, { promptKey: 'k' }), entry(partitionB, { promptKey: 'k' }));
      await store.clear();
      await settle?.(store);
      for (const partition of [partitionA, partitionB]) {
        await expect(store.findExact(partition, 'k')).resolves.toBeUndefined();
        await expect(store.search({ partition, embedding: at(0), limit: 10 })).resolves.toEqual([]);
      }
      await putAll(entry(partitionA, { promptKey: 'after' }));
      expect((await store.findExact(partitionA, 'after'))?.promptKey).toBe('after');
    });

    it('returns the newest entry from findExact when a prompt key repeats', { timeout: timeoutMs }, async () => {
      const older = entry(partitionA, { promptKey: 'repeat', answer: 'older answer', createdAt: 1_700_000_000_000 });
      const newer = entry(partitionA, { promptKey: 'repeat', answer: 'newer answer', createdAt: 1_700_000_500_000 });
      await putAll(older, newer);
      expect((await store.findExact(partitionA, 'repeat'))?.answer).toBe('newer answer');
      // Both are still entries of their own: search sees the two.
      const matches = await store.search({ partition: partitionA, embedding: at(0), limit: 10 });
      expect(matches.map((m) => m.entry.answer).sort()).toEqual(['newer answer', 'older answer']);
    });

    it('does not match a prompt key that differs only in case', { timeout: timeoutMs }, async () => {
      await putAll(entry(partitionA, { promptKey: 'abc' }));
      await expect(store.findExact(partitionA, 'ABC')).resolves.toBeUndefined();
      await expect(store.findExact(partitionA, 'abc ')).resolves.toBeUndefined();
    });
  });
}

function angleOf(vector: Float32Array): number {
  return (Math.atan2(vector[1]!, vector[0]!) * 180) / Math.PI;
}

function expectSameEntry(actual: CacheEntry | undefined, expected: CacheEntry): void {
  expect(actual).toBeDefined();
  const { embedding, ...fields } = actual!;
  const { embedding: expectedEmbedding, ...expectedFields } = expected;
  expect(fields).toEqual(expectedFields);
  expect(embedding).toBeInstanceOf(Float32Array);
  expect(Array.from(embedding)).toEqual(Array.from(expectedEmbedding));
}
