import { describe, expect, it } from 'vitest';
import type { LinearTruth } from '../workload/workload-request';
import { checkLinear } from './check-linear';

const one: LinearTruth = { kind: 'linear', variables: ['x'], values: ['-22/3'], equations: [{ coeffs: ['3'], rhs: '-22' }] };
const two: LinearTruth = {
  kind: 'linear',
  variables: ['x', 'y'],
  values: ['3', '2'],
  equations: [
    { coeffs: ['1', '1'], rhs: '5' },
    { coeffs: ['1', '-1'], rhs: '1' },
  ],
};
const third: LinearTruth = { kind: 'linear', variables: ['t'], values: ['1/3'], equations: [{ coeffs: ['3'], rhs: '1' }] };

describe('checkLinear', () => {
  it.each([
    ['a plain final line', 'Step 1: 3x = -22\n\nFinal answer: x = -22/3'],
    ['markdown and LaTeX', '**Step 3.** Divide:\n\\[ x = -\\frac{22}{3} \\]\n\n**Answer:** \\( x = -\\frac{22}{3} \\)'],
    ['a calculation chain', '3x = -22\nx = -22/3 = -22/3'],
    ['a sentence', 'So the solution is x = -22/3.'],
    ['a unicode minus', 'x = −22/3'],
    ['a chain through a bracketed number', '3x + 22 = 0\n3x = -22\nx = (-22)/3 = -22/3'],
  ])('accepts the right value written as %s', (_, text) => {
    expect(checkLinear(one, text)).toEqual({ taskCheck: true, finalAnswer: true, correct: true });
  });

  it('reads systems from one line, a tuple, named tuples or one unknown per line', () => {
    expect(checkLinear(two, 'Final answer: x = 3, y = 2').correct).toBe(true);
    expect(checkLinear(two, 'Therefore, x = 3 and y = 2.').correct).toBe(true);
    expect(checkLinear(two, 'So the solution is (3, 2).').correct).toBe(true);
    expect(checkLinear(two, '(x, y) = (3, 2)').correct).toBe(true);
    expect(checkLinear(two, 'Subtract: -2y = -4\nDivide: y = 2\nSubstitute y = 2 back into x = y + 1: x = 1 + 2 = 3').correct).toBe(true);
  });

  it('takes the last statement as the answer: a wrong summary line after right steps is wrong', () => {
    const text = 'Divide by 5: y = 2\nThen x = 3\n\nSo the solution is (-10, 2).';
    const result = checkLinear(two, text);
    expect(result.correct).toBe(false);
    expect(result.reason).toMatch(/x = -10/);
  });

  it('rejects a wrong value, flagging both checks', () => {
    const result = checkLinear(one, 'Divide both sides by 3: x = -7');
    expect(result).toMatchObject({ taskCheck: false, finalAnswer: false, correct: false });
    expect(result.reason).toContain('x = -7');
  });

  it('rejects an answer that never states an unknown', () => {
    expect(checkLinear(two, 'y = 2 is all we need.').reason).toMatch(/no final value for x/);
    expect(checkLinear(one, 'The answer is negative.').correct).toBe(false);
  });

  it('fails the task check when a foreign unknown is assigned (a stale answer to a renamed problem)', () => {
    const result = checkLinear(one, 'y = -22/3\nx = -22/3');
    expect(result.finalAnswer).toBe(true);
    expect(result.taskCheck).toBe(false);
    expect(result.reason).toMatch(/another problem/);
  });

  it('accepts correctly rounded decimals of at least two places, not coarser ones', () => {
    expect(checkLinear(third, 't = 0.33').correct).toBe(true);
    expect(checkLinear(third, 't ≈ 0.333').correct).toBe(false); // "≈" is not "=": the value is not stated as an answer
    expect(checkLinear(third, 't = 0.3').correct).toBe(false);
    expect(checkLinear(third, 't = 0.34').correct).toBe(false);
  });
});
