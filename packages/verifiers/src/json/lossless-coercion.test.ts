import { describe, expect, it } from 'vitest';
import { isLosslessCoercion } from './lossless-coercion';

describe('isLosslessCoercion', () => {
  it('accepts the coercions a model means', () => {
    expect(isLosslessCoercion(['Austin'], 'Austin')).toBe(true);
    expect(isLosslessCoercion('vip', ['vip'])).toBe(true);
    expect(isLosslessCoercion('63', 63)).toBe(true);
    expect(isLosslessCoercion(' 4.5 ', 4.5)).toBe(true);
    expect(isLosslessCoercion('true', true)).toBe(true);
    expect(isLosslessCoercion({ a: ['1'], b: 'x' }, { a: 1, b: 'x' })).toBe(true);
  });

  it('refuses coercions that invent or change data', () => {
    expect(isLosslessCoercion(null, '')).toBe(false);
    expect(isLosslessCoercion(null, 0)).toBe(false);
    expect(isLosslessCoercion(null, false)).toBe(false);
    expect(isLosslessCoercion(true, 1)).toBe(false);
    expect(isLosslessCoercion(7, '7')).toBe(false);
    expect(isLosslessCoercion(false, 'false')).toBe(false);
    expect(isLosslessCoercion('', 0)).toBe(false);
    expect(isLosslessCoercion('yes', true)).toBe(false);
    expect(isLosslessCoercion('63 years', 63)).toBe(false);
    expect(isLosslessCoercion(['a', 'b'], 'a')).toBe(false);
    expect(isLosslessCoercion({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
