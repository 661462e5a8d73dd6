import { describe, expect, it } from 'vitest';
import { MATH_CLOSE, MATH_OPEN, normaliseMathText } from './normalise-math';

const plain = (text: string) => normaliseMathText(text).replaceAll(MATH_OPEN, '⟨').replaceAll(MATH_CLOSE, '⟩');

describe('normaliseMathText', () => {
  it('turns LaTeX into plain math and marks math regions', () => {
    expect(plain('\\(\\frac{x}{2} \\cdot 3\\)')).toBe('⟨((x)/(2)) * 3⟩');
    expect(plain('$x_{12} \\le 4$')).toBe('⟨x_12 ≤ 4⟩');
    expect(plain('\\[ \\text{so } x = 2 \\]')).toBe('⟨ ⟩ so  ⟨ x = 2 ⟩');
    expect(plain('\\boxed{7}')).toBe('answer: 7');
    expect(plain('\\sqrt[3]{x}')).toBe('sqrt(x)');
  });

  it('reads thousands separators as part of the number, but not pairs', () => {
    expect(plain('x = 1,250.')).toBe('x = 1250.');
    expect(plain('$x = 12{,}500$')).toBe('⟨x = 12500⟩');
    expect(plain('(2, 300) and 1,2')).toBe('(2, 300) and 1,2');
  });

  it('maps Unicode math symbols', () => {
    expect(plain('3x − 2 × 4 ÷ 2 = x²')).toBe('3x - 2 * 4 / 2 = x^(2)');
    expect(plain('½x ≈ 1')).toBe('(1/2)x ≈ 1');
  });

  it('removes Markdown and step labels, keeps equation numbers as bracketed labels and numbers that follow them', () => {
    expect(plain('**Step 2:** Subtract 3')).toBe('Subtract 3');
    expect(plain('1. First\n- second')).toBe('First\nsecond');
    expect(plain('From equation (2) and eq. 1')).toBe('From equation (2) and equation (1)');
    expect(plain('the equation 1.2 = 0.2b')).toBe('the equation 1.2 = 0.2b');
    expect(plain('the equation 2b + 3z = 15')).toBe('the equation 2b + 3z = 15');
    expect(plain('the equation 46 = 4t + 2')).toBe('the equation 46 = 4t + 2');
    expect(plain('Step 12: in equation 2, we')).toBe('in equation (2), we');
  });
});
