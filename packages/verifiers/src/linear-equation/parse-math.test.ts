import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { evaluate, formatExpr, linearise } from './expression';
import { parseMath } from './parse-math';

const at = (values: Record<string, number | string>) =>
  new Map(Object.entries(values).map(([k, v]) => [k, new Fraction(v)]));

function value(text: string, values: Record<string, number | string> = {}): string | undefined {
  const expr = parseMath(text);
  return expr && evaluate(expr, at(values))?.toFraction();
}

describe('parseMath', () => {
  it.each([
    ['2x + 3', { x: 2 }, '7'],
    ['3(x + 1)', { x: 2 }, '9'],
    ['-x + 4', { x: 3 }, '1'],
    ['2 \\cdot 3 - 1', {}, '5'],
    ['6 \\times 2', {}, '12'],
    ['7 − 3', {}, '4'],
    ['4 × 2 ÷ 8', {}, '1'],
    ['\\frac{4}{2}', {}, '2'],
    ['\\dfrac{-7}{3}', {}, '-7/3'],
    ['-\\frac{x}{3} + 1', { x: 3 }, '0'],
    ['\\frac12 x', { x: 4 }, '2'],
    ['1/2x', { x: 4 }, '2'],
    ['0.5x + 1.25', { x: 2 }, '9/4'],
    ['.5 + x', { x: 1 }, '3/2'],
    ['(x + 1)(x - 1)', { x: 3 }, '8'],
    ['2^{3} + x^2', { x: 3 }, '17'],
    ['x²', { x: 3 }, '9'],
    ['x_{1} + x_2 + x3', { x_1: 1, x_2: 2, x_3: 3 }, '6'],
    ['\\left( 2x + 1 \\right) \\cdot 2', { x: 1 }, '6'],
    ['2 \\cdot (-3)', {}, '-6'],
    ['\\mathbf{x} + 1', { x: 1 }, '2'],
    ['½x', { x: 4 }, '2'],
  ])('%s', (text, values, expected) => {
    expect(value(text, values)).toBe(expected);
  });

  it.each(['2 3', 'x 2', '2 +', '(x + 1', 'x ± 2', '\\pi x', '2 xy'])('rejects %s', (text) => {
    // `2 xy` outside math delimiters: "xy" is a word glued to nothing, not math.
    const expr = parseMath(text);
    expect(expr === undefined || evaluate(expr, at({ x: 1, y: 1 })) === undefined).toBe(true);
  });

  it('returns undefined on division by zero and unknown symbols', () => {
    expect(value('1/(x - 2)', { x: 2 })).toBeUndefined();
    expect(value('k + 1', { x: 1 })).toBeUndefined();
  });

  it('formats parsed expressions readably', () => {
    expect(formatExpr(parseMath('2x + 3(y - 1)')!)).toBe('2x + 3(y - 1)');
    expect(formatExpr(parseMath('2 \\cdot 3 - (x - 1)(x + 1)')!)).toBe('2*3 - (x - 1)(x + 1)');
    expect(formatExpr(parseMath('\\frac{7}{3}')!)).toBe('7/3');
  });
});

describe('linearise', () => {
  const form = (text: string) => {
    const expr = parseMath(text);
    const linear = expr && linearise(expr);
    if (!linear) return undefined;
    return {
      ...Object.fromEntries([...linear.coefficients].map(([k, v]) => [k, v.toFraction()])),
      c: linear.constant.toFraction(),
    };
  };

  it('collects coefficients and constants exactly', () => {
    expect(form('2(x + 3) - x/4 + 0.5y - 7')).toEqual({ x: '7/4', y: '1/2', c: '-1' });
    expect(form('x - x + 2')).toEqual({ c: '2' });
    expect(form('2^3 x')).toEqual({ x: '8', c: '0' });
  });

  it.each(['x^2', 'x*y', '1/x', '2/(x + 1)', 'sqrt(x)', '|x|', 'x^y', '(x, y)'])('rejects non-linear %s', (text) => {
    expect(form(text)).toBeUndefined();
  });
});
