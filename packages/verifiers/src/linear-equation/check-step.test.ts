import { describe, expect, it } from 'vitest';
import { checkStep } from './check-step';
import { detectLinearProblem } from './detect-linear-problem';
import { analyseText } from './extract-equations';
import type { LinearProblem } from './linear-problem';

const rule = { minDecimals: 2, minSignificantDigits: 2 };
const problem = (prompt: string): LinearProblem => detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!;
const single = problem('Solve 2x + 3 = 7');
const check = (step: string, p: LinearProblem = single, previous: string[] = [], source?: LinearProblem) =>
  checkStep(analyseText(step), p, previous.map(analyseText), rule, source);

describe('checkStep', () => {
  it('accepts true equations, chains and rounded values', () => {
    expect(check('2x + 3 - 3 = 7 - 3')).toEqual({ ok: true });
    expect(check('x = 4/2 = 2')).toEqual({ ok: true });
    expect(check('2 \\cdot 2 + 3 = 7')).toEqual({ ok: true });
    expect(check('x ≈ 2.00')).toEqual({ ok: true });
  });

  it('checks every pair of a chain', () => {
    expect(check('x = 4/2 = 3')).toMatchObject({ ok: false, reason: expect.stringContaining('4/2 = 3') });
  });

  it('refuses symbols that are not unknowns, in equations and in prose', () => {
    expect(check('k = 2x + 1')).toMatchObject({ ok: false, reason: expect.stringContaining('k') });
    expect(check('Now solve for y.')).toMatchObject({ ok: false, reason: expect.stringContaining('y') });
    expect(check('Now solve for x.')).toEqual({ ok: true });
    expect(check('This is a linear equation.')).toEqual({ ok: true });
  });

  it('refuses unreadable math and division by zero', () => {
    expect(check('2x ± 1 = 5').ok).toBe(false);
    expect(check('x = 4/(x - 2)').ok).toBe(false);
  });

  it('requires prose numbers to come from the problem or earlier steps', () => {
    expect(check('Subtract 3 from both sides.')).toEqual({ ok: true });
    expect(check('Subtract 5 from both sides.').ok).toBe(false);
    expect(check('We now divide by 4.', single, ['2x = 4'])).toEqual({ ok: true });
    // The solution is not a licence: it must be stated first.
    expect(check('Now plug in 2 to check.', problem('Solve 3x + 1 = 7')).ok).toBe(false);
    expect(check('Now plug in 2 to check.', problem('Solve 3x + 1 = 7'), ['x = 2'])).toEqual({ ok: true });
  });

  it('requires arithmetic without unknowns to start from known numbers', () => {
    expect(check('Check: 2(2) + 3 = 7', single, ['x = 2'])).toEqual({ ok: true });
    expect(check('11 - 5 = 6').ok).toBe(false);
  });

  it('takes a multiplier or operand as justified when the step shows it was used as said', () => {
    const p = problem('Solve the system: 5a + b + 4c = -22, -a + 7b - c = -25, 5a - 5b - 5c = -25');
    const previous = ['36b - c = -147   (4)', '30b - 10c = -150   (5)'];
    // 6 and 5 line up 30b and 36b; neither is a number of the problem.
    expect(check('Multiply equation (5) by 6 and equation (4) by 5 so the b coefficients match: 180b - 60c = -900 and 180b - 5c = -735', p, previous)).toEqual({
      ok: true,
    });
    expect(check('Multiply equation (5) by 6 so the b coefficients match: 180b - 5c = -735', p, previous).ok).toBe(false);
  });

  it('grounds a worked check on a value the same step stated', () => {
    const p = problem('Find y if 9y - 7 = -y + 33.');
    expect(check('Divide both sides by 10.\ny = 4\n\nCheck: 9(4) - 7 = 29 and -4 + 33 = 29, as required.', p, ['10y = 40'])).toEqual({ ok: true });
    const t = problem('Solve for t: 18t - 14 = 2t - 54');
    expect(check('t = -5/2\n\nCheck: 18(-5/2) - 14 = -59 and 2(-5/2) - 54 = -59.', t, ['16t = -40'])).toEqual({ ok: true });
    // The value must be right and stated first.
    expect(check('Check: 9(4) - 7 = 29.', p, ['10y = 40']).ok).toBe(false);
  });

  it('requires a value worked out as arithmetic to use numbers that have a source', () => {
    const p = problem('Solve for n: 4n - 53 = -28');
    expect(check('n = 25/4', p, ['4n = 25'])).toEqual({ ok: true });
    expect(check('n = \\frac{25}{4} = 6.25', p, ['4n = 25'])).toEqual({ ok: true });
    expect(check('n = (53 - 28)/4 = 25/4', p, [])).toEqual({ ok: true });
    // True, but 7 and 1 come from nowhere: a re-derivation that kept another problem's arithmetic.
    expect(check('n = 53/4 + 7(-1) = 25/4', p, ['4n = 25'])).toMatchObject({ ok: false, reason: expect.stringContaining('works out a value') });
  });

  it('grounds arithmetic that puts the solution into the side before it', () => {
    const p = problem('Solve the system: 2x + y = 7 and x - y = 2');
    expect(check('Step 2: y = 7 - 2x = 7 - 6 = 1.', p, ['3x = 9, so x = 3.'])).toEqual({ ok: true });
    expect(check('y = 7 - 2x = 7 + (-6) = 1', p, ['x = 3'])).toEqual({ ok: true });
    // The numbers must be that side's terms with the solution put in, not any that happen to work.
    expect(check('y = 7 - 2x = 9 - 8 = 1', p, ['x = 3']).ok).toBe(false);
  });

  it('refuses numbers that only the source problem justifies', () => {
    const next = problem('Solve 2x + 5 = 9');
    expect(check('2x + 3 - 3 = 7 - 3', next).ok).toBe(true);
    expect(check('2x + 3 - 3 = 7 - 3', next, [], single)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('different problem'),
    });
    // The new solution itself is never foreign.
    expect(check('x = 2', next, [], single)).toEqual({ ok: true });
  });

  it('checks values stated in prose and bare answers', () => {
    expect(check('The value of x is 2.')).toEqual({ ok: true });
    expect(check('The value of x is 5.').ok).toBe(false);
    expect(check('The answer is $\\boxed{5}$.').ok).toBe(false);
  });
});
