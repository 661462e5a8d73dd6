import Fraction from 'fraction.js';
import fc from 'fast-check';
import nerdamer from 'nerdamer';
import { describe, expect, it } from 'vitest';
import { parseMath } from './parse-math';
import { equationFromSides, solveLinearSystem, solveWithNerdamer, type LinearEquation } from './linear-system';

function equation(text: string): LinearEquation {
  const [left, right] = text.split('=');
  const eq = equationFromSides(parseMath(left as string)!, parseMath(right as string)!);
  if (!eq) throw new Error(`not linear: ${text}`);
  return eq;
}

const show = (solution: ReadonlyMap<string, Fraction> | undefined) =>
  solution && Object.fromEntries([...solution].map(([k, v]) => [k, v.toFraction()]));

describe('solveLinearSystem', () => {
  it('solves single equations with terms on both sides exactly', () => {
    expect(show(solveLinearSystem([equation('3(x - 2) = 2x + 5')], ['x']))).toEqual({ x: '11' });
    expect(show(solveLinearSystem([equation('0.5x + 1.2 = 3.7')], ['x']))).toEqual({ x: '5' });
    expect(show(solveLinearSystem([equation('3x = 7')], ['x']))).toEqual({ x: '7/3' });
  });

  it('solves 2×2 and 3×3 systems exactly', () => {
    expect(show(solveLinearSystem([equation('x + y = 1'), equation('x - 2y = 0')], ['x', 'y']))).toEqual({
      x: '2/3',
      y: '1/3',
    });
    expect(
      show(solveLinearSystem([equation('x + y + z = 6'), equation('y = 2'), equation('x - z = -2')], ['x', 'y', 'z'])),
    ).toEqual({ x: '1', y: '2', z: '3' });
  });

  it('returns undefined for singular and non-square systems', () => {
    expect(solveLinearSystem([equation('x + y = 2'), equation('2x + 2y = 4')], ['x', 'y'])).toBeUndefined();
    expect(solveLinearSystem([equation('x + y = 2'), equation('x + y = 3')], ['x', 'y'])).toBeUndefined();
    expect(solveLinearSystem([equation('x + y = 2')], ['x', 'y'])).toBeUndefined();
  });

  it('agrees with nerdamer on random systems without touching its expression list', () => {
    const before = nerdamer.expressions().length;
    const coefficient = fc.integer({ min: -9, max: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.array(coefficient, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: -30, max: 30 }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, matrix, constants]) => {
          const unknowns = ['x', 'y', 'z'].slice(0, n);
          const equations = matrix.map((row, i) => ({
            coefficients: new Map(
              row.flatMap((c, j) => (c === 0 ? [] : [[unknowns[j] as string, new Fraction(c)] as const])),
            ),
            constant: new Fraction(constants[i] as number),
          }));
          expect(show(solveLinearSystem(equations, unknowns))).toEqual(show(solveWithNerdamer(equations, unknowns)));
        },
      ),
      { numRuns: 150 },
    );
    expect(nerdamer.expressions().length).toBe(before);
  });
});
