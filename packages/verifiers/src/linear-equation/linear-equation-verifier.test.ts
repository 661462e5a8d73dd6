import { describe, expect, it } from 'vitest';
import { StepCacheError } from '../errors/stepcache-error';
import type { Verdict } from '../verifier';
import {
  DECIMAL_PROSE,
  ELIMINATION_WITH_CHECK,
  FRACTION_ANSWER,
  GPT_SINGLE,
  GPT_SYSTEM,
  LLAMA_SINGLE,
  PROSE_SYSTEM_3,
  QWEN_SINGLE,
} from './fixtures/model-style-answers';
import { linearEquationVerifier } from './linear-equation-verifier';
import type { LinearProblem } from './linear-problem';
import { detectProblem } from './fixtures/test-problems';

const verifier = linearEquationVerifier();
const problem = (prompt: string): LinearProblem => detectProblem(verifier, prompt);

/** Verdicts of every step, in order, as the middleware would ask for them. */
function stepVerdicts(answer: string, p: LinearProblem, source?: LinearProblem): Verdict[] {
  const steps = verifier.segment(answer, p);
  return steps.map((step, index) =>
    verifier.verifyStep(step, p, { index, previous: steps.slice(0, index), ...(source ? { source } : {}) }),
  );
}
const firstFailure = (verdicts: Verdict[]) => verdicts.findIndex((v) => !v.ok);

const SINGLE = problem('Solve for x: 2x + 3 = 7');
const SYSTEM = problem('Solve the system: 2x + 3y = 12 and x - y = 1');

describe('linearEquationVerifier', () => {
  it('identifies itself', () => {
    expect(verifier.task).toBe('linear-equation');
    expect(verifier.patchMode).toBe('suffix');
  });

  it('detects only text requests', () => {
    expect(verifier.detect({ prompt: 'Solve 2x + 3 = 7', responseFormat: { type: 'json' } })).toBeUndefined();
  });

  it('rejects out-of-range options with a typed error naming the option', () => {
    expect(() => linearEquationVerifier({ maxUnknowns: 0 })).toThrow(/maxUnknowns/);
    try {
      linearEquationVerifier({ minDecimals: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(StepCacheError.isInstance(error) && error.code).toBe('INVALID_OPTION');
    }
  });

  describe('model-style answers that are right', () => {
    it.each([
      ['GPT-style numbered items with display math', 'Solve for x: 2x + 3 = 7', GPT_SINGLE],
      ['Llama-style "Step N:" paragraphs and \\boxed', 'Solve for x: 2x + 3 = 7', LLAMA_SINGLE],
      ['Qwen-style plan then details', 'Solve 3(x - 2) = 2x + 5', QWEN_SINGLE],
      ['bold steps, \\dfrac and a rounded decimal', 'Solve 3x + 5 = 12', FRACTION_ANSWER],
      ['GPT-style system by substitution', 'Solve the system: 2x + 3y = 12 and x - y = 1', GPT_SYSTEM],
      ['prose elimination for three unknowns', 'Solve x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2', PROSE_SYSTEM_3],
      ['headings, elimination and a verification list', 'Solve 3x + 2y = 16 and 2x - y = 6', ELIMINATION_WITH_CHECK],
      ['decimals cleared in prose sentences', 'Find x if 0.5x + 1.2 = 3.7', DECIMAL_PROSE],
    ])('%s', (_name, prompt, answer) => {
      const p = problem(prompt);
      expect(stepVerdicts(answer, p).filter((v) => !v.ok)).toEqual([]);
      expect(verifier.verifyAnswer(answer, p)).toEqual({ ok: true });
    });

    it.each([
      'x = 2',
      '**Answer:** x = 2',
      'The solution is x = 2.',
      '2x = 4, so x = 2',
      'Therefore, the value of x is 2.',
      'x equals 2',
      '\\boxed{x = 2}',
      '$$\\boxed{2}$$',
      'Final answer: x = 2.0',
      'x = 3 − 1 = 2',
      'x = 2\n\nI hope this helps!',
    ])('accepts the final answer %j', (answer) => {
      expect(verifier.verifyAnswer(answer, SINGLE)).toEqual({ ok: true });
    });

    it.each(['The solution is (3, 2).', 'x = 3 and y = 2', '(x, y) = (3, 2)', '\\(x = 3\\), \\(y = 2\\)'])(
      'accepts the system answer %j',
      (answer) => {
        expect(verifier.verifyAnswer(answer, SYSTEM)).toEqual({ ok: true });
      },
    );
  });

  it('segments every model-style answer prefix-stably, for streaming', () => {
    for (const answer of [GPT_SINGLE, LLAMA_SINGLE, QWEN_SINGLE, FRACTION_ANSWER, GPT_SYSTEM, PROSE_SYSTEM_3, ELIMINATION_WITH_CHECK, DECIMAL_PROSE]) {
      const full = verifier.segment(answer, SINGLE);
      for (let k = 1; k < answer.length; k += 1) {
        const settled = verifier.segment(answer.slice(0, k), SINGLE).slice(0, -1);
        expect(full.slice(0, settled.length)).toEqual(settled);
      }
    }
  });

  describe('wrong answers', () => {
    it('finds the first wrong step when an arithmetic slip propagates', () => {
      const slipped = GPT_SYSTEM.replace('5y + 2 = 12', '5y + 2 = 13')
        .replace('5y = 10', '5y = 11')
        .replace('y = 2\n', 'y = \\frac{11}{5}\n');
      const verdicts = stepVerdicts(slipped, SYSTEM);
      const steps = verifier.segment(slipped, SYSTEM);
      expect(steps[firstFailure(verdicts)]).toContain('5y + 2 = 13');
      expect(verdicts.slice(0, firstFailure(verdicts)).every((v) => v.ok)).toBe(true);
      expect(verifier.verifyAnswer(slipped, SYSTEM).ok).toBe(false);

      const single = GPT_SINGLE.replace('2x = 4', '2x = 5').replace('\\frac{4}{2} = 2', '\\frac{5}{2} = 2.5').replace('x = 2\\)', 'x = 2.5\\)');
      const singleSteps = verifier.segment(single, SINGLE);
      expect(singleSteps[firstFailure(stepVerdicts(single, SINGLE))]).toContain('2x = 5');
    });

    it.each([
      ['a wrong final value', 'x = 3'],
      ['a wrong prose value', 'Therefore, the value of x is 3.'],
      ['a wrong boxed value', 'So the answer is $\\boxed{3}$.'],
      ['a wrongly rounded decimal', 'x ≈ 2.1'],
      ['contradicting final statements', 'x = 2\n\nFinal answer: x = 3'],
      ['no final answer', 'Subtract 3 from both sides: 2x = 4.'],
      ['a final answer followed by a bogus check', 'x = 2\n\n*Check:* \\( 2 \\cdot 0 + 7 = 7 \\).'],
      ['a final answer stated mid-way only', 'So x = 2.\n\nSubtract 3 from both sides: 2x = 4.'],
      ['a check after the answer inside a "Step" section', '**Step 1.** Divide by 2:\n\\[ x = 2 \\]\n\n*Check:* \\( 2 \\cdot 0 + 7 = 7 \\).'],
      ['an empty answer', ''],
      ['an unknown symbol', 'Let k = 2x. Then k = 4, so x = 2.'],
      ['an unreadable equation', '2xy = 4, so x = 2'],
      ['an inequality', 'x > 1, and x = 2'],
    ])('rejects %s', (_name, answer) => {
      expect(verifier.verifyAnswer(answer, SINGLE).ok).toBe(false);
    });

    it('rejects wrong or ambiguous system answers', () => {
      expect(verifier.verifyAnswer('The solution is (2, 3).', SYSTEM).ok).toBe(false);
      expect(verifier.verifyAnswer('x = 3', SYSTEM)).toMatchObject({ ok: false, reason: expect.stringContaining('y') });
      // Every value must be in the closing statement, not scattered over the derivation.
      expect(verifier.verifyAnswer('From the second equation, y = 2.\n\nThen x = 3.', SYSTEM).ok).toBe(false);
      expect(verifier.verifyAnswer('From the second equation, y = 2.\n\nThen x = 3, y = 2.', SYSTEM)).toEqual({ ok: true });
      // y was written first, so a bare pair does not say which value is which.
      const reversed = problem('Solve y = 2x + 1, 3x + y = 11');
      expect(verifier.verifyAnswer('The solution is (2, 5).', reversed).ok).toBe(false);
      expect(verifier.verifyAnswer('x = 2, y = 5', reversed)).toEqual({ ok: true });
    });

    it('judges rounded decimals by the documented rule', () => {
      const third = problem('Solve 3x = 7');
      expect(verifier.verifyAnswer('x = 7/3 ≈ 2.33', third)).toEqual({ ok: true });
      expect(verifier.verifyAnswer('x ≈ 2.333', third)).toEqual({ ok: true });
      expect(verifier.verifyAnswer('x ≈ 2.3', third).ok).toBe(false);
      expect(verifier.verifyAnswer('x = 2.34', third).ok).toBe(false);
      expect(linearEquationVerifier({ minDecimals: 3 }).verifyAnswer('x ≈ 2.33', third).ok).toBe(false);
    });
  });

  describe('stale cached steps', () => {
    it('rejects prose left over from another problem', () => {
      const next = problem('Solve for x: 2x + 5 = 11');
      const verdict = verifier.verifyStep('Subtract 3 from both sides.', next, { index: 0, previous: [], source: SINGLE });
      expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('3') });
      // The same prose is fine for the problem it was written for.
      expect(verifier.verifyStep('Subtract 3 from both sides.', SINGLE, { index: 0, previous: [] })).toEqual({ ok: true });
      // …and for a fresh answer to the new problem once a step has introduced the number.
      expect(
        verifier.verifyStep('Subtract 5 from both sides.', next, { index: 0, previous: [] }),
      ).toEqual({ ok: true });
    });

    it('rejects copied equations that happen to hold at a shared solution', () => {
      const sameSolution = problem('Solve for x: 2x + 5 = 9');
      const verdicts = stepVerdicts(LLAMA_SINGLE, sameSolution, SINGLE);
      expect(firstFailure(verdicts)).toBe(1);
    });

    it('fails the first step of a cached answer when the numbers changed', () => {
      const next = problem('Solve for x: 2x + 5 = 11');
      expect(firstFailure(stepVerdicts(GPT_SINGLE, next, SINGLE))).toBe(0);
      const nextSystem = problem('Solve the system: 2x + 3y = 17 and x - y = 1');
      expect(firstFailure(stepVerdicts(GPT_SYSTEM, nextSystem, SYSTEM))).toBe(0);
    });

    it('keeps steps that carry no stale numbers', () => {
      const next = problem('Solve for x: 4x + 3 = 11');
      const verdicts = stepVerdicts(LLAMA_SINGLE, next, SINGLE);
      expect(verdicts[0]).toEqual({ ok: true });
      expect(verdicts[1]?.ok).toBe(false);
    });
  });

  describe('adapt', () => {
    it('renames variables so a renamed system reuses every step', () => {
      const next = problem('Solve the system: 2a + 3b = 12 and a - b = 1');
      const steps = verifier.segment(GPT_SYSTEM, SYSTEM);
      const adapted = verifier.adapt!(steps, SYSTEM, next);
      expect(adapted.adapted).toBeGreaterThan(3);
      expect(adapted.steps.join('\n')).not.toMatch(/\b[xy]\b/);
      expect(adapted.steps.join('\n')).toContain('we can use the substitution method');
      expect(stepVerdicts(verifier.join(adapted.steps, next), next, SYSTEM).every((v) => v.ok)).toBe(true);
      expect(verifier.verifyAnswer(verifier.join(adapted.steps, next), next)).toEqual({ ok: true });
    });

    it('finds a renaming that swaps variables', () => {
      const swapped = problem('Solve the system: 2y + 3x = 12 and y - x = 1');
      const adapted = verifier.adapt!(verifier.segment(GPT_SYSTEM, SYSTEM), SYSTEM, swapped);
      expect(verifier.verifyAnswer(verifier.join(adapted.steps, swapped), swapped)).toEqual({ ok: true });
    });

    it('changes nothing when names and numbers already match', () => {
      const steps = verifier.segment(GPT_SINGLE, SINGLE);
      expect(verifier.adapt!(steps, SINGLE, problem('Find x if 2x + 3 = 7.'))).toEqual({ steps, adapted: 0 });
    });

    it('re-derives the numbers when only the constants changed (see reinstantiate-constants.test.ts)', () => {
      const next = problem('Solve for x: 2x + 5 = 11');
      const adapted = verifier.adapt!(verifier.segment(GPT_SINGLE, SINGLE), SINGLE, next);
      expect(adapted.adapted).toBeGreaterThan(0);
      expect(verifier.verifyAnswer(verifier.join(adapted.steps, next), next)).toEqual({ ok: true });
    });

    it('never offers a rewrite whose equations hold but do not do what its prose says', () => {
      const cached = problem('Solve simultaneously: q = 2p - 14; 2p - 3q = 18');
      const next = problem('Solve simultaneously: q = -3p - 14; 2p - 2q = 18');
      const answer = [
        'We are given the system\n\\[ q = 2p - 14 \\quad (1) \\]\n\\[ 2p - 3q = 18 \\quad (2) \\]',
        '**Step 1.** Add equation (1) and equation (2) to eliminate p:\n\\[ -2q = 4 \\]',
        '**Step 2.** Divide both sides by -2:\n\\[ q = -2 \\]',
        '**Step 3.** Substitute \\( q = -2 \\) into equation (1):\n\\[ -2p + (-2) = -14 \\]\n\\[ -2p - 2 = -14 \\]',
        'Final answer: p = 6, q = -2',
      ].join('\n\n');
      expect(verifier.verifyAnswer(answer, cached)).toEqual({ ok: true });
      const steps = verifier.segment(answer, cached);
      const adapted = verifier.adapt!(steps, cached, next).steps;
      // In the new system (1) + (2) is 5p - q = 4: no "-2q = 4" can be re-derived for "add (1) and (2)",
      // so the step is left as cached, to fail and be regenerated.
      const add = steps.findIndex((step) => step.includes('Add equation (1)'));
      expect(adapted[add]).toBe(steps[add]);
      adapted.forEach((step, index) => {
        if (step !== steps[index]) expect(verifier.verifyStep(step, next, { index, previous: adapted.slice(0, index), source: cached })).toEqual({ ok: true });
      });
    });

    it('leaves the article "a" alone', () => {
      const next = problem('Solve for a: 2a + 3 = 7');
      const adapted = verifier.adapt!(['This is a linear equation in x, so we isolate x.', '2x = 4, so x = 2'], SINGLE, next);
      expect(adapted.steps).toEqual(['This is a linear equation in a, so we isolate a.', '2a = 4, so a = 2']);
    });
  });

  describe('skipReason', () => {
    it('refuses reuse across different shapes, asks and methods', () => {
      expect(verifier.skipReason(SINGLE, SYSTEM)).toMatch(/unknown/);
      expect(verifier.skipReason(problem('Find x if 2x + y = 7 and x - y = 2'), problem('Find y if 2x + y = 7 and x - y = 2'))).toMatch(
        /asks for y/,
      );
      expect(
        verifier.skipReason(problem('Solve by substitution: x + y = 3, x - y = 1'), problem('Solve by elimination: x + y = 3, x - y = 1')),
      ).toMatch(/method/);
    });

    it('allows reuse for changed numbers and renamed variables', () => {
      expect(verifier.skipReason(SINGLE, problem('Solve for t: 5t - 1 = 9'))).toBeUndefined();
      expect(verifier.skipReason(SYSTEM, problem('Find a and b: 2a + 3b = 12, a - b = 1'))).toBeUndefined();
    });
  });

  it('writes a fallback that passes its own verification', () => {
    for (const prompt of [
      'Solve for x: 2x + 3 = 7',
      'Solve 3x + 5 = 12',
      'Find x if 0.5x + 1.2 = 3.7',
      'Solve the system: 2x + 3y = 12 and x - y = 1',
      'Solve x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2',
      'Solve for x1 and x2: x1 + x2 = 5, x1 - x2 = 1',
    ]) {
      const p = problem(prompt);
      const answer = verifier.fallback!(p);
      expect(answer).toMatch(/Final answer: /);
      expect(verifier.verifyAnswer(answer!, p)).toEqual({ ok: true });
    }
  });
});

describe('an answer ends with its final answer', () => {
  const verifier = linearEquationVerifier();
  const problem = (prompt: string) => verifier.detect({ prompt, responseFormat: { type: 'text' } })!;

  it('may be followed by a worked check of the solution and closing prose', () => {
    const p = problem('Solve for x: 2x + 3 = 7');
    expect(verifier.verifyAnswer('2x = 4\nx = 2\nCheck: 2(2) + 3 = 7 ✓\nHope this helps!', p)).toEqual({ ok: true });
    expect(verifier.verifyAnswer('2x = 4\nSo x = 2.\nVerification: 4 + 3 = 7.', p)).toEqual({ ok: true });
  });

  it('refuses a trailing check that plugs in another value, and an answer with no final statement', () => {
    const p = problem('What is the value of t in the equation 2(t + 5) = 12?');
    const bogus = 'Expand: 2t + 10 = 12\nSubtract 10: 2t = 2\nDivide by 2: t = 1\n*Check:* \\( 2 \\cdot 0 + 10 = 10 \\).';
    expect(verifier.verifyAnswer(bogus, p)).toMatchObject({ ok: false });
    expect(verifier.verifyAnswer('Expand: 2t + 10 = 12\nSubtract 10: 2t = 2', p)).toMatchObject({ ok: false });
  });

  it('refuses a trailing line that is an equation in the unknowns rather than a worked check', () => {
    const p = problem('Solve for x: 2x + 3 = 7');
    expect(verifier.verifyAnswer('x = 2\nThen 2x + 3 = 7.', p)).toMatchObject({ ok: false });
  });
});

describe('a final statement the verifier cannot read', () => {
  it('is never excused as a trailing check (a wrong tuple after the values)', () => {
    const verifier = linearEquationVerifier();
    const p = verifier.detect({ prompt: 'Solve the system of equations: n = 3m + 10, 7m - n = -15.', responseFormat: { type: 'text' } })!;
    const answer =
      'From equation (2), n = 7m + 15.\nSubstituting, (7m + 15) - 3m = 10, so 4m = -5 and m = -5/4.\nThen n = 7(-5/4) + 15 = 25/4.\nSo the solution is (-1, 25/4).';
    expect(verifier.verifyAnswer(answer, p)).toMatchObject({ ok: false });
  });
});

describe('a tuple whose order the request leaves open', () => {
  const verifier = linearEquationVerifier();
  const p = verifier.detect({ prompt: 'Solve the system of equations: n = 3m + 10, 7m - n = -15.', responseFormat: { type: 'text' } })!;

  it('must hold the solution values in some order', () => {
    expect(verifier.verifyStep('So the solution is (-1, 25/4).', p, { index: 0, previous: ['m = -5/4', 'n = 25/4'] })).toMatchObject({
      ok: false,
    });
    expect(verifier.verifyStep('So the solution is (-5/4, 25/4).', p, { index: 0, previous: ['m = -5/4', 'n = 25/4'] })).toEqual({ ok: true });
  });
});
