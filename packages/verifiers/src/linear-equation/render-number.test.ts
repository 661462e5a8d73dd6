import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { scanImplicitCoefficients, scanNumbers, type NumberSpan } from './number-spans';
import { applyEdits, renderNumber } from './render-number';

/** Rewrites the `index`-th number of `text` to `value`. */
function rewrite(text: string, index: number, value: Fraction | number | string): string | undefined {
  const result = scanNumbers(text);
  if (!result.ok) throw new Error(result.reason);
  const span = result.spans[index] as NumberSpan;
  const edits = renderNumber(text, span, new Fraction(value));
  return edits && applyEdits(text, edits);
}

describe('renderNumber', () => {
  it('flips a binary operator instead of writing "+ -"', () => {
    expect(rewrite('2x + 3 = 7', 1, -4)).toBe('2x - 4 = 7');
    expect(rewrite('7 - 3', 1, 5)).toBe('7 + 5');
    expect(rewrite('x − 2 = 1', 0, -6)).toBe('x − 6 = 1');
    expect(rewrite('x − 2 = 1', 0, 6)).toBe('x + 6 = 1');
  });

  it('drops or keeps a leading minus, and brackets a negative after a product', () => {
    expect(rewrite('x = -4', 0, 5)).toBe('x = 5');
    expect(rewrite('x = 4', 0, -5)).toBe('x = -5');
    expect(rewrite('\\( 3 \\cdot 5 + 6 \\)', 1, -2)).toBe('\\( 3 \\cdot (-2) + 6 \\)');
  });

  it('swaps "subtract … from" and "add … to" in prose rather than subtracting a negative', () => {
    expect(rewrite('Subtract 3 from both sides.', 0, -4)).toBe('Add 4 to both sides.');
    expect(rewrite('then adding 6 to each side', 0, -1)).toBe('then subtracting 1 from each side');
    expect(rewrite('Divide both sides by 2.', 0, -3)).toBe('Divide both sides by -3.');
  });

  it('writes fractions the way the step did', () => {
    expect(rewrite('x = 7/3', 0, '11/2')).toBe('x = 11/2');
    expect(rewrite('x = \\dfrac{7}{3}', 0, '11/2')).toBe('x = \\dfrac{11}{2}');
    expect(rewrite('x = \\frac{7}{3}', 0, 4)).toBe('x = 4');
    expect(rewrite('\\( x = 2 \\)', 0, '5/3')).toBe('\\( x = \\frac{5}{3} \\)');
    expect(rewrite('so 2x = 4', 0, '3/2')).toBe('so (3/2)x = 4');
  });

  it('keeps a decimal exact at its precision, or re-rounds a rounded one', () => {
    expect(rewrite('0.5x + 1.2 = 3.7', 1, '1.7')).toBe('0.5x + 1.7 = 3.7');
    expect(rewrite('0.5x + 1.2 = 3.7', 1, '1.75')).toBeUndefined();
    expect(rewrite('0.5x + 1.2 = 3.7', 1, '1/3')).toBeUndefined();
    expect(rewrite('x = 7/3 ≈ 2.33', 1, '8/3')).toBe('x = 7/3 ≈ 2.67');
  });

  it('writes a coefficient of 1 as the bare variable, and a new coefficient before a bare one', () => {
    expect(rewrite('3x - 2y = 5', 1, -1)).toBe('3x - y = 5');
    const text = 'x - y = 1';
    const [, y] = scanImplicitCoefficients(text, new Set(['x', 'y']));
    expect(applyEdits(text, renderNumber(text, y as NumberSpan, new Fraction(3))!)).toBe('x + 3y = 1');
    expect(applyEdits(text, renderNumber(text, y as NumberSpan, new Fraction(-4))!)).toBe('x - 4y = 1');
  });
});
