import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { readFinalAnswer } from '../calibration/score-answer';
import { Rng } from '../random/rng';
import { answerLinear, continueLinear } from './answer-linear';
import type { LinearSystem } from './linear-equation';
import { solveExactly } from './linear-equation';
import { MathFormatter } from './math-format';
import { readLinearSystem } from './parse-equations';

const fmt = new MathFormatter('plain');
const NONE = { arithmeticSlip: 0, finalLineSlip: 0 };

/** Random nonsingular systems of 1-3 unknowns, written as a prompt. */
const systemArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      coeffs: fc.array(fc.array(fc.integer({ min: -6, max: 7 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      rhs: fc.array(fc.integer({ min: -15, max: 20 }), { minLength: n, maxLength: n }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    }),
  )
  .map(({ n, coeffs, rhs, seed }) => {
    const variables = ['x', 'y', 'z'].slice(0, n);
    const equations = coeffs.map((row, i) => ({ coeffs: row.map((c) => new Fraction(c)), rhs: new Fraction(rhs[i] as number) }));
    const text = `Solve: ${equations.map((e) => fmt.equation(e, variables)).join(', ')}`;
    return { text, seed, variables };
  })
  .map((c) => ({ ...c, system: readLinearSystem(c.text) }))
  .filter((c): c is typeof c & { system: LinearSystem } => c.system !== null && c.system.variables.length === c.variables.length && solveExactly(c.system) !== null);

function finalCorrect(system: LinearSystem, text: string): boolean {
  const exact = solveExactly(system) as Fraction[];
  const found = readFinalAnswer(text, system.variables);
  return found !== null && system.variables.every((v, i) => found.get(v)?.equals(exact[i] as Fraction) === true);
}

describe('answerLinear', () => {
  it('reaches the exact solution when no error is injected', () => {
    fc.assert(
      fc.property(systemArb, ({ system, seed }) => {
        const answer = answerLinear(system, new Rng(seed), NONE);
        expect(answer.injected).toEqual([]);
        expect(finalCorrect(system, answer.text)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('carries an arithmetic slip through to a wrong final answer', () => {
    fc.assert(
      fc.property(systemArb, ({ system, seed }) => {
        const answer = answerLinear(system, new Rng(seed), { arithmeticSlip: 1, finalLineSlip: 0 });
        expect(answer.injected).toEqual(['arithmetic-slip']);
        expect(finalCorrect(system, answer.text)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('can get every step right and still state a wrong final line', () => {
    const system = readLinearSystem('Solve 2x + 3y = 12 and x - y = 1') as LinearSystem;
    for (let seed = 0; seed < 30; seed++) {
      const clean = answerLinear(system, new Rng(seed), NONE).text;
      const slipped = answerLinear(system, new Rng(seed), { arithmeticSlip: 0, finalLineSlip: 1 });
      expect(slipped.injected).toEqual(['final-line-slip']);
      expect(finalCorrect(system, slipped.text)).toBe(false);
      // Everything before the final answer is the clean solution (bar the honest check line).
      const body = (t: string) => t.split('\n\n').filter((b) => !/^(\*Check|Check|We can check)/.test(b)).slice(0, -1).join('\n\n');
      expect(body(slipped.text)).toBe(body(clean));
    }
  });

  it('writes fractions when the solution is not an integer', () => {
    const system = readLinearSystem('Solve for x: 4x + 1 = 7') as LinearSystem;
    expect(answerLinear(system, new Rng(3), NONE).text).toMatch(/x = (3\/2|\\frac\{3\}\{2\})/);
  });

  it('uses several layouts and final-answer phrasings across requests', () => {
    const system = readLinearSystem('Solve 3x - y = 5, x + 2y = 4') as LinearSystem;
    const texts = Array.from({ length: 60 }, (_, seed) => answerLinear(system, new Rng(seed), NONE).text);
    expect(texts.some((t) => /^1\. /m.test(t))).toBe(true);
    expect(texts.some((t) => /^Step 1: /m.test(t))).toBe(true);
    expect(texts.some((t) => /\\\[/.test(t))).toBe(true);
    expect(texts.some((t) => /^First, /m.test(t))).toBe(true);
    expect(texts.some((t) => /Final answer: x = 2, y = 1/.test(t))).toBe(true);
    expect(texts.some((t) => /So the solution is \(2, 1\)\./.test(t))).toBe(true);
    expect(texts.some((t) => /\*\*Answer:\*\*/.test(t))).toBe(true);
  });
});

describe('continueLinear', () => {
  const problems = ['Solve 2x + 3y = 12 and x - y = 1', 'Solve for x: 3(x + 2) = 2x + 11', 'Solve a + b + c = 6, 2a - b + c = 3, a + 2b - c = 2'];

  it('writes only the remaining steps, numbering on, and the final answer', () => {
    for (const problem of problems) {
      const system = readLinearSystem(problem) as LinearSystem;
      for (let seed = 0; seed < 40; seed++) {
        const full = answerLinear(system, new Rng(seed), NONE).text;
        const stepLines = full.split('\n').filter((l) => /^\d+\. /.test(l));
        if (stepLines.length < 2) continue;
        const keep = Math.ceil(stepLines.length / 2);
        const prefix = stepLines.slice(0, keep).join('\n');
        const next = continueLinear(system, prefix, new Rng(seed + 1000), NONE).text;
        const lines = next.split('\n').filter((l) => /^\d+\. /.test(l));
        expect(lines.length).toBe(stepLines.length - keep);
        expect(lines[0]?.startsWith(`${keep + 1}. `) ?? true).toBe(true);
        for (const line of stepLines.slice(0, keep)) expect(next).not.toContain(line.replace(/^\d+\. /, ''));
        expect(finalCorrect(system, next)).toBe(true);
      }
    }
  });

  it('continues step-labelled and markdown prefixes in their own layout', () => {
    const system = readLinearSystem(problems[0] as string) as LinearSystem;
    const labelled = 'Step 1: Multiply equation (2) by 2 so the x coefficients match.\n2x - 2y = 2';
    expect(continueLinear(system, labelled, new Rng(1), NONE).text).toMatch(/^Step 2: /);
    const markdown = '**Step 1.** Multiply equation (2) by 2:\n\\[ 2x - 2y = 2 \\]\n\n**Step 2.** Subtract:\n\\[ 5y = 10 \\]';
    const next = continueLinear(system, markdown, new Rng(1), NONE).text;
    expect(next).toMatch(/^\*\*Step 3\.\*\*/);
    expect(next).not.toContain('5y = 10');
  });

  it('keeps the error model: a slip in the remaining steps gives a wrong answer', () => {
    const system = readLinearSystem(problems[0] as string) as LinearSystem;
    const prefix = '1. Multiply equation (2) by 2 so the x coefficients match: 2x - 2y = 2';
    const slipped = continueLinear(system, prefix, new Rng(4), { arithmeticSlip: 1, finalLineSlip: 0 });
    expect(slipped.injected).toEqual(['arithmetic-slip']);
    expect(finalCorrect(system, slipped.text)).toBe(false);
  });
});
