import { describe, expect, it } from 'vitest';
import { linearEquationVerifier } from './linear-equation-verifier';
import { detectProblem } from './fixtures/test-problems';

/**
 * Hand-written answers in the many ways people and models phrase a
 * derivation (not the simulator's layouts): operations named in prose, "by
 * adding", moved terms, substitution chains, labelled combinations, decimals
 * and fractions. Every one is right and must verify; the same answer with one
 * number changed must not.
 */
const SYSTEM = 'Solve the system: 2x + y = 7 and x - y = 2';
const ANSWERS: ReadonlyArray<readonly [string, string]> = [
  ['Solve for x: 5x - 7 = 18', 'We want to isolate x.\n\nAdd 7 to both sides: 5x - 7 + 7 = 18 + 7, so 5x = 25.\nDivide both sides by 5: x = 25/5 = 5.\n\n**Answer:** x = 5'],
  ['Solve for x: 5x - 7 = 18', '5x - 7 = 18\n5x = 18 + 7\n5x = 25\nx = 5'],
  ['Solve for x: 5x - 7 = 18', 'First, move -7 to the right-hand side by adding 7: $5x = 25$.\nThen divide by 5 on both sides: $x = 5$.\n\n$$\\boxed{x = 5}$$'],
  ['Solve 4(y + 2) = 2y + 20', '1. Expand: 4y + 8 = 2y + 20\n2. Subtract 2y from both sides: 2y + 8 = 20\n3. Subtract 8: 2y = 12\n4. Divide by 2: y = 6\n\nTherefore y = 6.'],
  ['Solve 4(y + 2) = 2y + 20', 'Distribute the 4 on the left-hand side to get 4y + 8 = 2y + 20. Now, subtracting 2y from each side gives 2y + 8 = 20. Taking 8 away from both sides, 2y = 12. Finally dividing through by 2, we obtain y = 6.'],
  ['Solve for x: 3x - 6 = 2x + 5', 'Bring 2x to the left and -6 to the right: 3x - 2x = 5 + 6\nx = 11'],
  ['Solve for x: 3x - 6 = 2x + 5', 'Transpose 2x to the LHS: x - 6 = 5\nTranspose -6 to the RHS: x = 11\nx = 11'],
  ['Solve for x: x/2 + x/3 = 10', 'Multiply every term by 6 to clear the fractions: 3x + 2x = 60\nCombine like terms: 5x = 60\nDivide by 5: x = 12\n\nx = 12'],
  ['Solve for x: x/2 = 3/4', 'Cross-multiply: 4x = 6\nx = 6/4 = 3/2\n\nx = 3/2'],
  ['Solve for x: 2(x + 3) - 4 = 3x - 1', '2x + 6 - 4 = 3x - 1\n2x + 2 = 3x - 1\n2 + 1 = 3x - 2x\n3 = x\n\nTherefore, x = 3'],
  ['Solve for x: 1.5x - 0.25 = 2.75', 'Add 0.25 to both sides:\n1.5x = 3\nDivide both sides by 1.5:\nx = 2\n\nThe answer is x = 2.'],
  ['Solve: 7 - 2x = 15', 'Rearranging, −2x = 15 − 7 = 8, hence x = 8/(−2) = −4.\nSo x = −4.'],
  ['What is the value of k if 4k + 9 = 1?', '4k + 9 = 1\n4k = 1 - 9\n4k = -8\nk = -8 / 4\nk = -2\n\nThe value of k is -2.'],
  ['Find n: 12 = 3n - 3', 'Add 3 to both sides: 15 = 3n.\nDivide both sides by 3: n = 5.\nn = 5'],
  [SYSTEM, 'Add the two equations to eliminate y:\n(2x + y) + (x - y) = 7 + 2\n3x = 9\nx = 3\n\nSubstitute x = 3 into the second equation: 3 - y = 2, so y = 1.\n\nSolution: x = 3, y = 1'],
  [SYSTEM, 'From the second equation, x = y + 2.\nSubstituting into the first: 2(y + 2) + y = 7\n2y + 4 + y = 7\n3y + 4 = 7\n3y = 3\ny = 1\nThen x = 1 + 2 = 3.\n\nThe solution is (x, y) = (3, 1).'],
  [SYSTEM, "Let's multiply the second equation by 2: 2x - 2y = 4.\nSubtract this from the first equation: (2x + y) - (2x - 2y) = 7 - 4, which gives 3y = 3, so y = 1.\nPlugging y = 1 back into x - y = 2 gives x = 3.\n**Final answer:** x = 3 and y = 1."],
  [SYSTEM, '(1) + (2): 3x = 9, so x = 3.\nPut x = 3 in (2): 3 - y = 2 → y = 1.\n\n∴ x = 3, y = 1'],
  [SYSTEM, 'Step 1: Add equations: (2x + y) + (x - y) = 7 + 2 ⇒ 3x = 9 ⇒ x = 3.\nStep 2: y = 7 - 2x = 7 - 6 = 1.\n\nSolution: x = 3, y = 1.'],
  ['Solve for a and b: 3a + 2b = 16, a + 2b = 8', 'Subtract the second equation from the first: 2a = 8, so a = 4.\nSubstitute a = 4 into a + 2b = 8: 4 + 2b = 8, 2b = 4, b = 2.\na = 4, b = 2'],
  [
    'Solve for x, y and z: x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2',
    'Add the first and third equations: 2x + 3y = 8 (4)\nAdd the second and third equations: 3x + y = 5 (5)\nMultiply (5) by 3: 9x + 3y = 15 (6)\nSubtract (4) from (6): 7x = 7, so x = 1\nFrom (5): 3 + y = 5, so y = 2\nFrom the first equation: 1 + 2 + z = 6, so z = 3\n\nx = 1, y = 2, z = 3',
  ],
];

describe('linear-equation verifier on varied phrasings', () => {
  const verifier = linearEquationVerifier();
  const detect = (prompt: string) => detectProblem(verifier, prompt);

  it.each(ANSWERS)('accepts a right answer to %j', (prompt, answer) => {
    const problem = detect(prompt);
    const kept: string[] = [];
    for (const step of verifier.segment(answer, problem)) {
      expect(verifier.verifyStep(step, problem, { index: kept.length, previous: kept }), step).toMatchObject({ ok: true });
      kept.push(step);
    }
    expect(verifier.verifyAnswer(answer, problem)).toEqual({ ok: true });
  });

  it.each(ANSWERS)('refuses the answer to %j with its final value changed', (prompt, answer) => {
    const problem = detect(prompt);
    const value = [...problem.solution.values()].at(-1)!;
    // The last place the answer writes the last unknown's value (its final statement), off by one.
    const forms = [value.toFraction(), value.toFraction().replace('-', '−')];
    const written = forms.reduce((best, form) => (answer.lastIndexOf(form) > answer.lastIndexOf(best) ? form : best));
    const at = answer.lastIndexOf(written);
    expect(at).toBeGreaterThanOrEqual(0);
    const wrong = `${answer.slice(0, at)}${value.add(1).toFraction()}${answer.slice(at + written.length)}`;
    expect(verifier.verifyAnswer(wrong, problem).ok).toBe(false);
  });
});
