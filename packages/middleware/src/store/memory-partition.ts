import type { CacheEntry } from './cache-entry';
import type { Expiring } from './expiry-queue';
import type { ResolvedVectorIndexOptions } from './vector-index/vector-index';
import { VectorIndex } from './vector-index/vector-index';

/** One entry held by the memory store, with its bookkeeping. */
export interface StoredEntry extends Expiring {
  readonly entry: CacheEntry;
  readonly partition: MemoryPartition;
  /** Slot of the embedding in the partition's index. */
  readonly slot: number;
  /** Estimated size, counted against `maxBytes`. */
  readonly bytes: number;
  /** False once the entry left the store (evicted, expired, cleared or replaced). */
  live: boolean;
}

/**
 * The entries of one partition: their vector index, and maps by id and by
 * prompt key. A partition never sees another partition's entries; that is
 * the whole of tenant isolation in the memory store.
 */
export class MemoryPartition {
  /** The partition key. */
  readonly name: string;
  /** Nearest-neighbour index over the entries' embeddings. */
  readonly index: VectorIndex;
  private readonly bySlot: (StoredEntry | undefined)[] = [];
  private readonly byId = new Map<string, StoredEntry>();
  private readonly byKey = new Map<string, StoredEntry[]>();

  constructor(name: string, dimensions: number, indexOptions: ResolvedVectorIndexOptions) {
    this.name = name;
    this.index = new VectorIndex(dimensions, indexOptions);
  }

  /** Number of entries. */
  get size(): number {
    return this.byId.size;
  }

  /** The entry in index slot `slot`. */
  atSlot(slot: number): StoredEntry | undefined {
    return this.bySlot[slot];
  }

  /** The entry with id `id`. */
  withId(id: string): StoredEntry | undefined {
    return this.byId.get(id);
  }

  /** Entries with prompt key `promptKey`, oldest stored first. */
  withKey(promptKey: string): readonly StoredEntry[] {
    return this.byKey.get(promptKey) ?? [];
  }

  /** Adds `entry` (its embedding must not be mutated afterwards) and returns its record. */
  add(entry: CacheEntry, bytes: number, expiresAt: number): StoredEntry {
    const slot = this.index.add(entry.embedding);
    const stored: StoredEntry = { entry, partition: this, slot, bytes, expiresAt, live: true };
    this.bySlot[slot] = stored;
    this.byId.set(entry.id, stored);
    const sameKey = this.byKey.get(entry.promptKey);
    if (sameKey === undefined) this.byKey.set(entry.promptKey, [stored]);
    else sameKey.push(stored);
    return stored;
  }

  /** Removes a live record of this partition and marks it dead. */
  remove(stored: StoredEntry): void {
    stored.live = false;
    this.index.remove(stored.slot);
    this.bySlot[stored.slot] = undefined;
    this.byId.delete(stored.entry.id);
    const sameKey = this.byKey.get(stored.entry.promptKey);
    if (sameKey !== undefined) {
      const at = sameKey.indexOf(stored);
      if (at >= 0) sameKey.splice(at, 1);
      if (sameKey.length === 0) this.byKey.delete(stored.entry.promptKey);
    }
  }

  /** Every live record, for clearing. */
  records(): IterableIterator<StoredEntry> {
    return this.byId.values();
  }
}
