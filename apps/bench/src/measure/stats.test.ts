import { describe, expect, it } from 'vitest';
import { cdfPoints, mean, quantile, summarize } from './stats';

describe('stats', () => {
  it('interpolates quantiles between closest ranks (R-7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.95)).toBeCloseTo(95.05, 10);
    expect(quantile(hundred, 0.99)).toBeCloseTo(99.01, 10);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('returns NaN for empty samples and rejects q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('summarises a sample without mutating it', () => {
    const sample = [5, 1, 3];
    const s = summarize(sample);
    expect(s).toMatchObject({ n: 3, mean: 3, median: 3, min: 1, max: 5 });
    expect(sample).toEqual([5, 1, 3]);
  });

  it('builds a monotone CDF ending at 1, thinned to the point budget', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const points = cdfPoints(values, 50);
    expect(points.length).toBeLessThanOrEqual(51);
    expect(points[points.length - 1]).toEqual({ x: 999, p: 1 });
    for (let i = 1; i < points.length; i++) {
      expect((points[i] as { x: number }).x).toBeGreaterThanOrEqual((points[i - 1] as { x: number }).x);
      expect((points[i] as { p: number }).p).toBeGreaterThan((points[i - 1] as { p: number }).p);
    }
  });
});
