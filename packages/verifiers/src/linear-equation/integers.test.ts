import { describe, expect, it } from 'vitest';
import { gcd, lcm } from './integers';

describe('gcd and lcm', () => {
  it('work on signed integers', () => {
    expect(gcd(12n, -18n)).toBe(6n);
    expect(gcd(0n, 5n)).toBe(5n);
    expect(lcm([4n, -6n, 0n])).toBe(12n);
    expect(lcm([])).toBe(1n);
  });
});
