import { describe, expect, it } from 'vitest';
import { analyseText } from './extract-equations';
import { reducedStandard, relationEquations, restates, type SidedEquation } from './restatement';

const eq = (text: string): SidedEquation => {
  const equations = relationEquations(analyseText(text).relations[0]!);
  return equations[equations.length - 1]!;
};
const relates = (a: string, b: string) => restates(eq(a), eq(b));

describe('relationEquations', () => {
  it('reads each side against the first, leaves out rounded values, identities and arithmetic', () => {
    expect(relationEquations(analyseText('x = 4/2 = 2').relations[0]!)).toHaveLength(2);
    expect(relationEquations(analyseText('x = 7/3 ≈ 2.33').relations[0]!)).toHaveLength(1);
    expect(relationEquations(analyseText('3(x - 2) = 3x - 6').relations[0]!)).toEqual([]);
    expect(relationEquations(analyseText('2(3) + 1 = 7').relations[0]!)).toEqual([]);
  });
});

describe('restates', () => {
  it('accepts simplified sides, swapped sides and moved terms', () => {
    expect(relates('2(y + 2) + y = 10', '3y + 4 = 10')).toBe('restates');
    expect(relates('2x + 3 - 3 = 7 - 3', '4 = 2x')).toBe('restates');
    expect(relates('3x - 6 = 2x + 5', 'x - 6 = 5')).toBe('restates');
    expect(relates('8 - y = 6', 'y = 2')).toBe('restates');
  });

  it('accepts multiplying or dividing both sides, solving for an unknown and the reduced standard form', () => {
    expect(relates('7x = 28', 'x = 4')).toBe('restates');
    expect(relates('0.5x + 1.2 = 3.7', '5x + 12 = 37')).toBe('restates');
    expect(relates('2x + 3 = 7', 'x = 2')).toBe('restates');
    expect(relates('2x - 4y = 6', 'x = 2y + 3')).toBe('restates');
    expect(relates('0 = -3n - 1.5', '2n = -1')).toBe('restates');
    expect(relates('4q + 14 = 0', '2q = -7')).toBe('restates');
  });

  it('refuses a line whose sides do not simplify to the line before, even when it holds', () => {
    // −3p − 29 = −38 and −2p − 32 = −38 both give p = 3, but the left side is wrong.
    expect(relates('-3p + 4 \\cdot (-\\frac{11}{2}) + 7 \\cdot (-1) = -38', '-2p - 32 = -38')).toBe('inconsistent');
    // A quarter of 2(7m + 15) = 2m + 10, with sides that match nothing written.
    expect(relates('2(7m + 15) = 2m + 10', '(7m + 15) - 4m = 10')).toBe('inconsistent');
    expect(relates('a + 18 = 21', '2a + 18 = 24')).toBe('inconsistent');
  });

  it('leaves other equations unjudged', () => {
    expect(relates('x + y = 10', 'x - y = 2')).toBe('unrelated');
    expect(relates('x = 2', '3x + y = 11')).toBe('unrelated');
  });
});

describe('reducedStandard', () => {
  it('is the layout with unknowns on one side, a constant on the other and no common factor', () => {
    expect(reducedStandard(eq('2x - 3y = 5'))).toBe(true);
    expect(reducedStandard(eq('7 = 2q'))).toBe(true);
    expect(reducedStandard(eq('4x - 6y = 10'))).toBe(false);
    expect(reducedStandard(eq('2x + 1 = 5'))).toBe(false);
    expect(reducedStandard(eq('x/2 = 3'))).toBe(false);
  });
});
