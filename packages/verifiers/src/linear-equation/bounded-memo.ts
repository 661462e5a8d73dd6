/**
 * A small least-recently-used memo: `get` refreshes an entry, `set` evicts the
 * oldest one once `capacity` entries are held. Used to keep text parses warm
 * across cache hits (the same cached steps are re-verified on every hit)
 * without letting memory grow with traffic.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity - the most entries kept; at least 1. */
  constructor(private readonly capacity: number) {}

  /** The stored value, or `undefined`; marks the entry as recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the key to the end of the Map's insertion order.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Returns the memoised value for `key`, computing and storing it on a miss. */
  getOrCompute(key: K, compute: (key: K) => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /** How many entries are held. */
  get size(): number {
    return this.entries.size;
  }
}
