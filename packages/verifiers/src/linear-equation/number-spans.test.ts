import { describe, expect, it } from 'vitest';
import { scanImplicitCoefficients, scanNumbers, type NumberSpan } from './number-spans';

function spans(text: string): NumberSpan[] {
  const result = scanNumbers(text);
  if (!result.ok) throw new Error(result.reason);
  return result.spans;
}
const shown = (text: string) => spans(text).map((s) => `${s.context}:${s.signed.toFraction()}`);

describe('scanNumbers', () => {
  it('reads each number with the sign in front of it', () => {
    expect(shown('2x - 3 = 7')).toEqual(['none:2', 'binary:-3', 'none:7']);
    expect(shown('x = -4, and (-2) + 5')).toEqual(['unary:-4', 'unary:-2', 'binary:5']);
    expect(spans('2x - 3 = 7')[1]).toMatchObject({ start: 3, numberStart: 5, operator: '- ' });
  });

  it('marks coefficients, math regions and styles', () => {
    const [two, three] = spans('\\(2x + 3(y - 1)\\) and 0.25');
    expect(two).toMatchObject({ coefficient: true, math: true });
    expect(three).toMatchObject({ coefficient: true });
    expect(spans('0.25')[0]?.style).toEqual({ kind: 'decimal', decimals: 2, approximate: false });
    expect(spans('x ≈ 2.33')[0]?.style).toEqual({ kind: 'decimal', decimals: 2, approximate: true });
  });

  it('reads fractions in lowest terms as one number, other fractions as a division', () => {
    expect(shown('x = 7/3.')).toEqual(['none:7/3']);
    expect(spans('x = \\dfrac{7}{3}')[0]?.style).toEqual({ kind: 'latex-fraction', command: 'dfrac' });
    expect(shown('x = \\frac{4}{2} = 2')).toEqual(['none:4', 'none:2', 'none:2']);
  });

  it('leaves numbering, labels, exponents, subscripts and ordinals alone', () => {
    expect(shown('Step 2: Multiply equation (2) by 3.\n1. Add 4.')).toEqual(['none:3', 'none:4']);
    expect(shown('**Step 3.** x_1 + x2 = x^2 + 5')).toEqual(['binary:5']);
    expect(shown('(1) 2x + y = 5 \\quad (2)')).toEqual(['none:2', 'none:5']);
    expect(shown('2. the 2nd equation, eq. 2')).toEqual([]);
    // A bracketed number that is an operand is math.
    expect(shown('3(1) + y = 5')).toEqual(['none:3', 'none:1', 'none:5']);
    // "equation 46 = …" starts math.
    expect(shown('the equation 46 = 4t + 2')).toEqual(['none:46', 'none:4', 'binary:2']);
  });

  it('refuses a step with thousands separators', () => {
    expect(scanNumbers('x = 1,250').ok).toBe(false);
  });
});

describe('scanImplicitCoefficients', () => {
  it('finds bare unknowns that are terms of an equation', () => {
    const found = scanImplicitCoefficients('x - y = 1, so solve for x', new Set(['x', 'y']));
    expect(found.map((s) => `${s.context}:${s.signed.toFraction()}@${s.numberStart}`)).toEqual(['none:1@0', 'binary:-1@4']);
    expect(found.every((s) => s.implicit && s.end === s.numberStart)).toBe(true);
  });

  it('skips unknowns with a written coefficient, words and commands', () => {
    expect(scanImplicitCoefficients('2x + 3y = 7 \\cdot z', new Set(['x', 'y', 'z']))).toEqual([]);
    expect(scanImplicitCoefficients('a box = 3', new Set(['a']))).toEqual([]);
  });
});
