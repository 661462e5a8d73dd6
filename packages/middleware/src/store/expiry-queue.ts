/** What the {@link ExpiryQueue} needs of an item. */
export interface Expiring {
  /** When the item expires, in the store clock's milliseconds. */
  readonly expiresAt: number;
  /** False once the item left the store for another reason (eviction, clear, replacement). */
  readonly live: boolean;
}

/**
 * Items in the order they were stored. With one TTL for every entry and a
 * clock that does not run backwards, that is also expiry order, so expired
 * entries are found at the head in O(1) each. Items that left the store
 * early stay in the queue until they reach the head or `compact` drops them.
 */
export class ExpiryQueue<T extends Expiring> {
  private items: T[] = [];
  private head = 0;

  /** Items held, including ones no longer live. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** Appends an item. */
  push(item: T): void {
    this.items.push(item);
  }

  /** Removes from the head every item that expired at `now` or earlier, passing live ones to `expire`. */
  popExpired(now: number, expire: (item: T) => void): void {
    while (this.head < this.items.length) {
      const item = this.items[this.head]!;
      if (item.live && item.expiresAt > now) break;
      this.head++;
      if (item.live) expire(item);
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) this.compact();
  }

  /** Drops items that are no longer live. O(length). */
  compact(): void {
    this.items = this.items.slice(this.head).filter((item) => item.live);
    this.head = 0;
  }

  /** Empties the queue. */
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
