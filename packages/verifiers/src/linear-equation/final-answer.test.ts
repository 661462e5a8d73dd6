import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import { formatExpr } from './expression';
import { analyseText } from './extract-equations';
import { valueClaims } from './final-answer';

const options = { maxUnknowns: 3, maxPromptLength: 4000 };
const single = detectLinearProblem('Solve for x: 2x + 3 = 7', options)!;
const pair = detectLinearProblem('Solve x + y = 5, x - y = 1', options)!;
const claims = (text: string, problem = single) =>
  valueClaims(analyseText(text), problem).map((c) => `${c.variable}=${formatExpr(c.value)}`);

describe('valueClaims', () => {
  it('reads values from equations and chains', () => {
    expect(claims('x = 3 - 1 = 2')).toEqual(['x=2']);
    expect(claims('2x = 4')).toEqual([]);
    expect(claims('(x, y) = (3, 2)', pair)).toEqual(['x=3', 'y=2']);
    expect(claims('x = y + 1', pair)).toEqual([]);
  });

  it('reads values stated in prose', () => {
    expect(claims('The value of x is 2.')).toEqual(['x=2']);
    expect(claims('x equals \\(-\\frac{1}{2}\\)')).toEqual(['x=-(1/2)']);
    expect(claims('x is equal to 2')).toEqual(['x=2']);
    expect(claims('x is the unknown')).toEqual([]);
    expect(claims('Substitute 2 for x in the original equation.')).toEqual(['x=2']);
  });

  it('reads bare answers for the one asked-for unknown or in a fixed tuple order', () => {
    expect(claims('The final answer is: $\\boxed{2}$')).toEqual(['x=2']);
    expect(claims('Answer: 7/3')).toEqual(['x=7/3']);
    expect(claims('The solution is (3, 2).', pair)).toEqual(['x=3', 'y=2']);
    expect(claims('The answer is 3.', pair)).toEqual([]);
    expect(claims('The solution requires 2 steps.')).toEqual([]);
  });
});
