import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import type { LinearProblem } from './linear-problem';
import { pairProblems, type ProblemPair } from './problem-pair';
import { rederiveEquation, type StandardForm } from './rederive-equation';
import { variableMapping } from './variable-mapping';

const problem = (prompt: string): LinearProblem => detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!;
function pair(cached: string, next: string): ProblemPair {
  const c = problem(cached);
  const n = problem(next);
  return pairProblems(c, n, variableMapping(c, n))!;
}
const form = (coefficients: Record<string, number>, constant: number): StandardForm => ({
  coefficients: new Map(Object.entries(coefficients).map(([u, c]) => [u, new Fraction(c)])),
  constant: new Fraction(constant),
});
const text = (f: StandardForm | undefined) =>
  f && `${[...f.coefficients].map(([u, c]) => `${c.toFraction()}${u}`).join(' + ')} = ${f.constant.toFraction()}`;

describe('rederiveEquation', () => {
  const system = pair('Solve 2x + 3y = 12, x - y = 1', 'Solve 2x + 3y = 17, x - y = 1');

  it('re-derives an elimination, taking the first equation once as before', () => {
    // (1) − 2·(2): 5y = 10 → 5y = 15.
    expect(text(rederiveEquation(system, form({ y: 5 }, 10)))).toBe('5y = 15');
  });

  it('keeps a coefficient of 1 at 1 and a problem equation as written', () => {
    expect(text(rederiveEquation(system, form({ y: 1 }, 2)))).toBe('1y = 3');
    expect(text(rederiveEquation(system, form({ x: 2, y: 3 }, 12)))).toBe('2x + 3y = 17');
  });

  it('keeps coprime integer equations coprime with the same leading sign', () => {
    const three = pair('Solve x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2', 'Solve x + y + z = 9, 4x - y + z = 5, x + 2y - z = 4');
    // (2) − 2·(1) eliminates x: −3y − z = −9.
    expect(text(rederiveEquation(three, form({ y: -3, z: -1 }, -9)))).toBe('-5y + -3z = -31');
  });

  it('gives nothing when the role does not fix the equation', () => {
    // Twice the second equation: no rule says how to scale it.
    expect(rederiveEquation(system, form({ x: 4, y: -4 }, 4))).toBeUndefined();
    // Not a consequence of the system.
    expect(rederiveEquation(system, form({ y: 5 }, 11))).toBeUndefined();
  });
});
