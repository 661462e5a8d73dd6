import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import { analyseText } from './extract-equations';
import { writeSolution } from './write-solution';

const solve = (prompt: string) => writeSolution(detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!);

describe('writeSolution', () => {
  it('isolates the unknown of a single equation and ends with a final answer line', () => {
    expect(solve('Solve 3(x - 2) = 2x + 5')).toBe(
      [
        'Start from the equation: 3(x - 2) = 2x + 5.',
        'Collect the terms with x on the left and the constants on the right: x = 11.',
        'Final answer: x = 11',
      ].join('\n\n'),
    );
    expect(solve('Solve 3x + 5 = 12')).toContain('Divide both sides by the coefficient of x: x = 7/3.');
    expect(solve('Solve 3x + 5 = 12')?.endsWith('Final answer: x = 7/3')).toBe(true);
  });

  it('eliminates and back-substitutes in a system, one equation at a time', () => {
    const text = solve('Solve 2x + 3y = 12, x - y = 1') ?? '';
    expect(text).toContain('Eliminate x from the first equation using the second equation');
    expect(text).toContain('Substitute y = 2 into x - y = 1: x - (2) = 1, so x = 3.');
    expect(text.endsWith('Final answer: x = 3, y = 2')).toBe(true);
  });

  it('writes numbers only inside equations, never in prose', () => {
    const text = solve('Solve x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2') ?? '';
    const analysis = analyseText(text);
    expect(analysis.relations.length).toBeGreaterThan(8);
    expect(analysis.fragments.flatMap((f) => f.literals)).toEqual([]);
  });
});
