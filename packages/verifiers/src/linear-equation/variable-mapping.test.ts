import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import type { LinearProblem } from './linear-problem';
import { variableMapping } from './variable-mapping';

const p = (prompt: string): LinearProblem => {
  const problem = detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 });
  if (!problem) throw new Error(prompt);
  return problem;
};
const asObject = (m: ReadonlyMap<string, string>) => Object.fromEntries(m);

describe('variableMapping', () => {
  it('is empty when the names already match', () => {
    expect(asObject(variableMapping(p('Solve x + y = 3, x - y = 1'), p('Solve x + y = 5, x - y = 1')))).toEqual({});
  });

  it('finds the renaming that makes the systems identical, in any equation order', () => {
    const cached = p('Solve 2x + 3y = 12, x - y = 1');
    expect(asObject(variableMapping(cached, p('Solve b - a = 1, 3a + 2b = 12')))).toEqual({ x: 'b', y: 'a' });
    expect(asObject(variableMapping(cached, p('Solve 2y + 3x = 12, y - x = 1')))).toEqual({ x: 'y', y: 'x' });
  });

  it('pairs unknowns by order of appearance when no renaming matches', () => {
    expect(asObject(variableMapping(p('Solve 2x + 3 = 7'), p('Solve 5t - 1 = 9')))).toEqual({ x: 't' });
  });

  it('gives nothing for systems of different sizes', () => {
    expect(asObject(variableMapping(p('Solve 2x + 3 = 7'), p('Solve a + b = 3, a - b = 1')))).toEqual({});
  });
});
