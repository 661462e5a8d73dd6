import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { numberKey, problemNumbers } from './justified-numbers';

const eq = (coefficients: Record<string, number | string>, constant: number | string) => ({
  coefficients: new Map(Object.entries(coefficients).map(([k, v]) => [k, new Fraction(v)])),
  constant: new Fraction(constant),
});

describe('problemNumbers', () => {
  it('holds literals, standard forms, clearing factors and elimination multipliers', () => {
    // 4x + 3y = 10 and 6x - 2y = 4: lining up x needs 3 and 2 (LCM 12).
    const keys = problemNumbers([4, 3, 10, 6, 2, 4].map((n) => new Fraction(n)), [eq({ x: 4, y: 3 }, 10), eq({ x: 6, y: -2 }, 4)], ['x', 'y']);
    for (const n of ['4', '3', '10', '6', '2', '12', '1/4']) expect(keys.has(n)).toBe(true);
    expect(keys.has('7')).toBe(false);
  });

  it('adds the factors that clear decimals and fractions', () => {
    const keys = problemNumbers(['0.5', '1.2', '3.7'].map((n) => new Fraction(n)), [eq({ x: '0.5' }, '2.5')], ['x']);
    expect(keys.has('10')).toBe(true);
    expect(keys.has('2')).toBe(true);
  });

  it('keys numbers by absolute exact value', () => {
    expect(numberKey(new Fraction('-0.25'))).toBe('1/4');
  });
});
