import { invalidValue } from '../options/invalid-value';
import type { ResolvedVectorIndexOptions, VectorIndexOptions } from './vector-index/vector-index';
import { DEFAULT_VECTOR_INDEX_OPTIONS } from './vector-index/vector-index';

/** Options of {@link memoryStore}. All are optional. */
export interface MemoryStoreOptions {
  /**
   * Most entries kept, over all partitions together. Storing one more evicts
   * the least recently used entry (a `findExact` or `search` hit counts as a
   * use). Positive integer. Default 10 000.
   */
  readonly maxEntries?: number;
  /**
   * Most bytes kept, over all partitions together, by the estimate of
   * `estimateEntryBytes` (strings at 2 bytes per UTF-16 unit, the embedding at
   * 4 bytes per dimension, the index links, a fixed per-entry overhead).
   * Least recently used entries are evicted to stay under it; an entry that
   * alone exceeds it is refused. Positive integer, in bytes. Default 64 MiB.
   */
  readonly maxBytes?: number;
  /**
   * Time to live of an entry, in milliseconds from when it was stored
   * (by `now()`, not the entry's `createdAt`). Expired entries are never
   * returned and are dropped on the next call. Positive number, or
   * `Infinity` for no expiry. Default 24 hours.
   */
  readonly ttlMs?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`; inject one in tests. */
  readonly now?: () => number;
  /** Tuning of the per-partition nearest-neighbour index; see {@link VectorIndexOptions}. */
  readonly index?: VectorIndexOptions;
}

/** {@link MemoryStoreOptions} validated, with defaults filled in. */
export interface ResolvedMemoryStoreOptions {
  /** See {@link MemoryStoreOptions.maxEntries}. */
  readonly maxEntries: number;
  /** See {@link MemoryStoreOptions.maxBytes}. */
  readonly maxBytes: number;
  /** See {@link MemoryStoreOptions.ttlMs}. */
  readonly ttlMs: number;
  /** See {@link MemoryStoreOptions.now}. */
  readonly now: () => number;
  /** See {@link MemoryStoreOptions.index}. */
  readonly index: ResolvedVectorIndexOptions;
}

/** Default of {@link MemoryStoreOptions.maxEntries}. */
export const DEFAULT_MAX_ENTRIES = 10_000;
/** Default of {@link MemoryStoreOptions.maxBytes}: 64 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Default of {@link MemoryStoreOptions.ttlMs}: 24 hours. */
export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Validates {@link MemoryStoreOptions} and fills in defaults. Throws
 * `StepCacheError` (`INVALID_OPTION`) naming the first bad option.
 */
export function resolveMemoryStoreOptions(options: MemoryStoreOptions = {}): ResolvedMemoryStoreOptions {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'must be an object', options);
  const {
    maxEntries = DEFAULT_MAX_ENTRIES,
    maxBytes = DEFAULT_MAX_BYTES,
    ttlMs = DEFAULT_TTL_MS,
    now = Date.now,
    index = {},
  } = options;
  if (!isPositiveInteger(maxEntries)) throw invalid('maxEntries', 'must be a positive integer', maxEntries);
  if (!isPositiveInteger(maxBytes)) throw invalid('maxBytes', 'must be a positive integer number of bytes', maxBytes);
  if (typeof ttlMs !== 'number' || !(ttlMs > 0)) {
    throw invalid('ttlMs', 'must be a positive number of milliseconds (or Infinity)', ttlMs);
  }
  if (typeof now !== 'function') throw invalid('now', 'must be a function returning milliseconds', now);
  if (typeof index !== 'object' || index === null) throw invalid('index', 'must be an object', index);
  return { maxEntries, maxBytes, ttlMs, now, index: resolveIndexOptions(index) };
}

function resolveIndexOptions(options: VectorIndexOptions): ResolvedVectorIndexOptions {
  const resolved = { ...DEFAULT_VECTOR_INDEX_OPTIONS, ...stripUndefined(options) };
  const { m, efConstruction, efSearch, exactThreshold, seed } = resolved;
  // 2m links must fit the Uint8 degree counters of the graph.
  if (!Number.isInteger(m) || m < 2 || m > 127) throw invalid('index.m', 'must be an integer from 2 to 127', m);
  if (!isPositiveInteger(efConstruction)) {
    throw invalid('index.efConstruction', 'must be a positive integer', efConstruction);
  }
  if (!isPositiveInteger(efSearch)) throw invalid('index.efSearch', 'must be a positive integer', efSearch);
  if (!Number.isInteger(exactThreshold) || exactThreshold < 0) {
    throw invalid('index.exactThreshold', 'must be a non-negative integer', exactThreshold);
  }
  if (!Number.isInteger(seed)) throw invalid('index.seed', 'must be an integer', seed);
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function invalid(field: string, expectation: string, value: unknown) {
  return invalidValue('INVALID_OPTION', `memoryStore: ${field}`, expectation, value);
}
