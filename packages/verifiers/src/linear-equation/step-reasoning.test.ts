import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import { analyseText } from './extract-equations';
import type { LinearProblem } from './linear-problem';
import { checkReasoning } from './step-reasoning';

const problem = (prompt: string): LinearProblem => detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!;
/** The verdict of every step, each after the ones before it. */
const verdicts = (p: LinearProblem, steps: string[]) =>
  steps.map((step, i) => checkReasoning(analyseText(step), p, steps.slice(0, i).map(analyseText)).verdict);
const firstFailure = (p: LinearProblem, steps: string[]) => verdicts(p, steps).findIndex((v) => !v.ok);

const SINGLE = problem('Solve for x: 2x + 3 = 7');
const SYSTEM3 = problem('Solve the system: p + q + r = -7/2, -3p + 4q + 7r = -38, 2p - 2q + r = 16');

describe('checkReasoning: operations on both sides', () => {
  it('accepts the result of the named operation, simplified or with the sides swapped', () => {
    expect(firstFailure(SINGLE, ['Subtract 3 from both sides: 2x + 3 - 3 = 7 - 3', 'Simplify: 2x = 4', 'Divide both sides by 2: x = 4/2 = 2'])).toBe(-1);
    expect(firstFailure(SINGLE, ['Subtract 3 from both sides: 4 = 2x', 'Divide by 2: x = 2'])).toBe(-1);
    expect(firstFailure(SINGLE, ['Move 3 to the right: 2x = 7 - 3'])).toBe(-1);
    const qwen = problem('Solve 3(x - 2) = 2x + 5');
    expect(firstFailure(qwen, ['Subtract \\(2x\\) from both sides: \\[3x - 2x - 6 = 5\\]', 'Add 6 to both sides: \\[x = 5 + 6\\] \\[x = 11\\]'])).toBe(-1);
    expect(firstFailure(qwen, ['Subtract 2x from both sides and add 6: x = 11'])).toBe(-1);
    expect(firstFailure(problem('Solve 23 = 7x + 16.'), ['Swap the two sides so that x is on the left: 7x + 16 = 23'])).toBe(-1);
  });

  it('refuses a result the named operation does not give, though it holds', () => {
    // A stale "subtract 5" copied from another problem, with the right equation.
    expect(verdicts(SINGLE, ['Subtract 5 from both sides: 2x = 4'])[0]).toMatchObject({
      ok: false,
      reason: expect.stringContaining('subtracting 5 from both sides'),
    });
    const p = problem('Solve -3p + 4 = -2');
    // Step 11 of the adapted elimination: −2p = −6 divided by −11/2 is not p = 3.
    expect(verdicts(p, ['-2p = -6', 'Divide both sides by -11/2: p = 3'])[1]).toMatchObject({ ok: false });
    expect(verdicts(p, ['-2p = -6', 'Divide both sides by -2: p = 3'])[1]).toEqual({ ok: true });
  });

  it('acts on the equation a step restates before its result', () => {
    expect(firstFailure(SINGLE, ['x = 2', 'Subtract 3 from both sides of 2x + 3 = 7: 2x = 4'])).toBe(-1);
    expect(firstFailure(SINGLE, ['Subtract 3 from both sides: \\[2x + 3 = 7\\] \\[2x = 4\\]'])).toBe(-1);
  });
});

describe('checkReasoning: simplification lines', () => {
  it('accepts expanding, collecting and moving terms, and refuses sides that do not simplify alike', () => {
    const p = problem('Solve for y: 2(y + 2) + y = 10');
    expect(firstFailure(p, ['2(y + 2) + y = 10', 'so 3y + 4 = 10'])).toBe(-1);
    expect(firstFailure(p, ['2(y + 2) + y = 10, so 3y + 4 = 10 and 3y = 6, so y = 2'])).toBe(-1);
    // Step 9 of the adapted elimination: the left side simplifies to −3p − 29, not −2p − 32.
    const step9 = 'Substitute \\( q = -\\frac{11}{2} \\) and \\( r = -1 \\) into equation (2):\n\\[ -3p + 4 \\cdot (-\\frac{11}{2}) + 7 \\cdot (-1) = -38 \\]\n\\[ -2p - 32 = -38 \\]';
    expect(verdicts(SYSTEM3, [step9])[0]).toMatchObject({ ok: false, reason: expect.stringContaining('-3p - 29 = -38') });
    expect(verdicts(SYSTEM3, [step9.replace('-2p - 32 = -38', '-3p - 29 = -38')])[0]).toEqual({ ok: true });
  });

  it('judges a step that says it simplifies against the equation before it', () => {
    const p = problem('What is the value of y in the equation 3(y + 3) = -15?');
    expect(firstFailure(p, ['We want the y that makes 3(y + 3) = -15 true.', 'First, expand and simplify, which gives 3y + 9 = -15.'])).toBe(-1);
    expect(firstFailure(p, ['We want the y that makes 3(y + 3) = -15 true.', 'First, expand and simplify, which gives 6y + 3 = -45.'])).toBe(1);
    // Without such words, a new equation is not judged against the one before.
    expect(firstFailure(p, ['We want the y that makes 3(y + 3) = -15 true.', 'Then 6y + 3 = -45.'])).toBe(-1);
  });
});

describe('checkReasoning: named equations', () => {
  const intro = 'We are given the system\n\\[ p + q + r = -7/2 \\quad (1) \\]\n\\[ -3p + 4q + 7r = -38 \\quad (2) \\]\n\\[ 2p - 2q + r = 16 \\quad (3) \\]';
  const labelled = [intro, '\\[ 2q + 3r = -14 \\quad (4) \\]', '\\[ 8q + 44r = -88 \\quad (5) \\]'];

  it('refuses a combination that is not the one the step names (the adapted elimination, step 4)', () => {
    const step4 = 'Subtract equation (4) from equation (5):\n\\[ \\frac{76}{5}r = -\\frac{76}{5} \\quad (6) \\]';
    expect(verdicts(SYSTEM3, [...labelled, step4])[3]).toMatchObject({ ok: false, reason: expect.stringContaining('combination') });
    expect(verdicts(SYSTEM3, [...labelled, 'Subtract equation (4) from equation (5):\n\\[ 6q + 41r = -74 \\]'])[3]).toEqual({ ok: true });
    // Solved or reduced in the same line is fine; the order of subtraction is not held against it.
    expect(verdicts(SYSTEM3, [...labelled, 'Subtract (5) from (4): -6q - 41r = 74'])[3]).toEqual({ ok: true });
  });

  it('follows "the new equation (k)" to the multiple the answer wrote', () => {
    const p = problem('Solve the system of equations: 4a + b = 18, a + 3b = 21.');
    const steps = [
      '(1) 4a + b = 18',
      '(2) a + 3b = 21',
      'Multiply equation (2) by 4 so the a coefficients match: 4a + 12b = 84',
      'Subtract the new equation (2) from equation (1) to eliminate a: -11b = -66',
      'Divide both sides by -11: b = 6',
      'Substitute b = 6 into equation (2): a + 3(6) = 21, so a + 18 = 21',
    ];
    expect(firstFailure(p, steps)).toBe(-1);
    expect(firstFailure(p, steps.map((s) => s.replace('by 4 so', 'by 3 so')))).toBe(2);
    expect(firstFailure(p, steps.map((s) => s.replace('a + 3(6) = 21, so', '4a + 6 = 18, so')))).toBe(5);
  });

  it('substitutes "this expression" and values into the named equation', () => {
    const p = problem('Solve the system of equations: -x + 3y = 17, -3x - 5y = -33.');
    const steps = [
      '\\[ -x + 3y = 17 \\quad (1) \\]\n\\[ -3x - 5y = -33 \\quad (2) \\]',
      'From equation (1), express x in terms of y: x = 3y - 17',
      'Substitute this expression into equation (2): -3(3y - 17) - 5y = -33',
      'Distribute and combine like terms: -14y + 51 = -33',
    ];
    expect(firstFailure(p, steps)).toBe(-1);
    // Holds at y = 6, but is a seventh of the substituted equation with sides that match nothing written.
    expect(firstFailure(p, steps.map((s) => s.replace('-3(3y - 17) - 5y = -33', '(3y - 17) - 5y = -29')))).toBe(2);
  });

  it('does not judge what it cannot resolve', () => {
    expect(firstFailure(SYSTEM3, ['Subtract equation (7) from equation (8): 3q = 5'])).toBe(-1);
    expect(firstFailure(SYSTEM3, ['Add the equations: 2p + 3q = 7'])).toBe(-1);
  });
});
