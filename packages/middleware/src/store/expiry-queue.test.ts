import { describe, expect, it } from 'vitest';
import { ExpiryQueue } from './expiry-queue';

interface Item {
  name: string;
  expiresAt: number;
  live: boolean;
}
const item = (name: string, expiresAt: number): Item => ({ name, expiresAt, live: true });

describe('ExpiryQueue', () => {
  it('pops live items expired at `now`, oldest first, and stops at the first unexpired one', () => {
    const queue = new ExpiryQueue<Item>();
    const items = [item('a', 10), item('b', 20), item('c', 30)];
    items.forEach((i) => queue.push(i));
    const expired: string[] = [];
    queue.popExpired(20, (i) => expired.push(i.name));
    expect(expired).toEqual(['a', 'b']);
    expect(queue.length).toBe(1);
  });

  it('skips items that already left the store', () => {
    const queue = new ExpiryQueue<Item>();
    const gone = item('gone', 10);
    queue.push(gone);
    queue.push(item('b', 10));
    gone.live = false;
    const expired: string[] = [];
    queue.popExpired(15, (i) => expired.push(i.name));
    expect(expired).toEqual(['b']);
  });

  it('drops dead items on compact and keeps the order of live ones', () => {
    const queue = new ExpiryQueue<Item>();
    const items = Array.from({ length: 10 }, (_, i) => item(`i${i}`, 100 + i));
    items.forEach((i) => queue.push(i));
    items.filter((_, i) => i % 2 === 0).forEach((i) => (i.live = false));
    queue.compact();
    expect(queue.length).toBe(5);
    const expired: string[] = [];
    queue.popExpired(1000, (i) => expired.push(i.name));
    expect(expired).toEqual(['i1', 'i3', 'i5', 'i7', 'i9']);
  });
});
