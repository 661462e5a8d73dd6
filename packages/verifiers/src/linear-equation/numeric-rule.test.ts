import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { literalMatches } from './numeric-rule';

const rule = { minDecimals: 2, minSignificantDigits: 2 };
const literal = (text: string, truncated = false) => {
  const dot = text.indexOf('.');
  return { value: new Fraction(text), decimals: dot === -1 ? 0 : text.length - dot - 1, truncated };
};

describe('literalMatches', () => {
  it('accepts exact values at any precision', () => {
    expect(literalMatches(new Fraction(1, 4), literal('0.25'), rule)).toBe(true);
    expect(literalMatches(new Fraction(5, 2), literal('2.5'), rule)).toBe(true);
    expect(literalMatches(new Fraction(3), literal('3'), rule)).toBe(true);
  });

  it('accepts correctly rounded values with enough digits', () => {
    expect(literalMatches(new Fraction(7, 3), literal('2.33'), rule)).toBe(true);
    expect(literalMatches(new Fraction(7, 3), literal('2.333'), rule)).toBe(true);
    expect(literalMatches(new Fraction(-5, 3), literal('-1.67'), rule)).toBe(true);
    expect(literalMatches(new Fraction(1, 8), literal('0.13'), rule)).toBe(true);
    expect(literalMatches(new Fraction(1, 8), literal('0.12'), rule)).toBe(true); // exact tie: both neighbours
  });

  it('rejects wrong roundings, too few decimals and too few significant digits', () => {
    expect(literalMatches(new Fraction(7, 3), literal('2.34'), rule)).toBe(false);
    expect(literalMatches(new Fraction(7, 3), literal('2.3'), rule)).toBe(false);
    expect(literalMatches(new Fraction(5, 3), literal('1.66'), rule)).toBe(false);
    expect(literalMatches(new Fraction(1, 300), literal('0.00'), rule)).toBe(false);
    expect(literalMatches(new Fraction(1, 3), literal('0'), rule)).toBe(false);
  });

  it('accepts truncated decimals written with an ellipsis', () => {
    expect(literalMatches(new Fraction(2, 3), literal('0.666', true), rule)).toBe(true);
    expect(literalMatches(new Fraction(2, 3), literal('0.665', true), rule)).toBe(false);
  });
});
