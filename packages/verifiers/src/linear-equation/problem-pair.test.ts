import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import type { LinearProblem } from './linear-problem';
import { pairProblems } from './problem-pair';
import { variableMapping } from './variable-mapping';

const problem = (prompt: string): LinearProblem => detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!;
const pair = (a: string, b: string) => {
  const c = problem(a);
  const n = problem(b);
  return pairProblems(c, n, variableMapping(c, n));
};
const atoms = (a: string, b: string) => pair(a, b)?.atoms.map((x) => `${x.label}:${x.old.toFraction()}>${x.next.toFraction()}`);

describe('pairProblems', () => {
  it('aligns written coefficients with their signs, standard forms and solutions', () => {
    // Pairs already present with the same kind are not repeated (e0.x is w0, dec is lcm); r0 is x = 2 reduced from 2x = 4.
    expect(atoms('Solve 2x + 3 = 7', 'Solve 2x - 4 = 7')).toEqual([
      'w0:2>2',
      'w1:3>-4',
      'w2:7>7',
      'e0.k:4>11',
      'r0.x:1>2',
      'r0.k:2>11',
      'x:2>11/2',
      'lcm:1>1',
    ]);
  });

  it('renames the cached unknowns to the new names', () => {
    const p = pair('Solve 2x + y = 7, x - y = 2', 'Solve 2a + b = 10, a - b = 2');
    expect(p?.unknowns).toEqual(['a', 'b']);
    expect(p?.atoms.map((a) => a.label)).toContain('a');
    expect(p?.oldSolution.get('a')?.toFraction()).toBe('3');
  });

  it('refuses problems of another structure, and problems that differ only in names', () => {
    expect(pair('Solve 2x + 3 = 7', 'Solve 3 + 2x = 7')).toBeUndefined();
    expect(pair('Solve 2x + 3 = 7', 'Solve 2(x + 1) = 7')).toBeUndefined();
    expect(pair('Solve 2x + 3 = 7', 'Solve 2x + 3 = 4x + 1')).toBeUndefined();
    expect(pair('Solve 2x + 3 = 7', 'Solve 2t + 3 = 7')).toBeUndefined();
    expect(pair('Solve 2x + 3 = 7', 'Solve x + y = 3, x - y = 1')).toBeUndefined();
  });
});
