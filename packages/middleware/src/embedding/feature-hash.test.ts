import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFeature } from './feature-hash';

describe('hashFeature', () => {
  it('lands in range and is deterministic for any feature and dimension', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 100_000 }), (feature, dimensions) => {
        const hashed = hashFeature(feature, dimensions);
        expect(hashed.index).toBeGreaterThanOrEqual(0);
        expect(hashed.index).toBeLessThan(dimensions);
        expect(Number.isInteger(hashed.index)).toBe(true);
        expect(hashFeature(feature, dimensions)).toEqual(hashed);
      }),
    );
  });

  it('spreads features evenly over indices and signs', () => {
    const dimensions = 64;
    const counts = new Array<number>(dimensions).fill(0);
    let positive = 0;
    const total = 64_000;
    for (let i = 0; i < total; i++) {
      const { index, sign } = hashFeature(`w|token${i}`, dimensions);
      counts[index]!++;
      if (sign === 1) positive++;
    }
    // 1000 expected per bucket; a fair hash stays well within ±20 %.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(positive / total).toBeGreaterThan(0.48);
    expect(positive / total).toBeLessThan(0.52);
  });
});
