import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('evicts the least recently used entry once full', () => {
    const memo = new BoundedMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    expect(memo.get('a')).toBe(1); // a is now the most recent
    memo.set('c', 3);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe(1);
    expect(memo.get('c')).toBe(3);
    expect(memo.size).toBe(2);
  });

  it('computes once per key while the entry stays', () => {
    const memo = new BoundedMemo<string, number>(4);
    let calls = 0;
    const compute = (key: string) => {
      calls += 1;
      return key.length;
    };
    expect(memo.getOrCompute('abc', compute)).toBe(3);
    expect(memo.getOrCompute('abc', compute)).toBe(3);
    expect(calls).toBe(1);
  });
});
