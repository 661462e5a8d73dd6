import { describe, expect, it } from 'vitest';
import {
  DECIMAL_PROSE,
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

/** Adapts a cached answer and checks it the way the middleware does (every step with `source`, then the answer). */
function reuse(cachedPrompt: string, answer: string, nextPrompt: string) {
  const cached = problem(cachedPrompt);
  const next = problem(nextPrompt);
  const steps = verifier.segment(answer, cached);
  const result = verifier.adapt!(steps, cached, next);
  const verdicts = result.steps.map((step, index) =>
    verifier.verifyStep(step, next, { index, previous: result.steps.slice(0, index), source: cached }),
  );
  const text = verifier.join(result.steps, next);
  return { text, adapted: result.adapted, verdicts, answer: verifier.verifyAnswer(text, next) };
}

describe('adapt re-derives the constants of a cached answer', () => {
  it('numbered list with display math: every number follows the new constants', () => {
    const r = reuse('Solve for x: 2x + 3 = 7', GPT_SINGLE, 'Solve for x: 2x + 5 = 11');
    expect(r.answer).toEqual({ ok: true });
    expect(r.verdicts.every((v) => v.ok)).toBe(true);
    expect(r.text).toContain('**Subtract 5 from both sides**');
    expect(r.text).toContain('2x + 5 - 5 = 11 - 5');
    expect(r.text).toContain('x = \\frac{6}{2} = 3');
    // List numbering untouched.
    expect(r.text).toMatch(/^1\. \*\*Subtract/m);
    expect(r.text).toMatch(/^2\. \*\*Divide both sides by 2\*\*/m);
  });

  it('a constant that flips sign turns "subtract" into "add" and the solution into a fraction', () => {
    const r = reuse('Solve for x: 2x + 3 = 7', GPT_SINGLE, 'Solve for x: 2x - 4 = 7');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('**Add 4 to both sides**');
    expect(r.text).toContain('2x - 4 + 4 = 7 + 4');
    expect(r.text).toContain('2x = 11');
    expect(r.text).toContain('the solution is \\(x = \\frac{11}{2}\\)');
  });

  it('"Step N:" paragraphs keep their labels; a negative result gets its minus', () => {
    const r = reuse('Solve for x: 2x + 3 = 7', LLAMA_SINGLE, 'Solve for x: 5x + 3 = -7');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('Step 1: Subtract 3 from both sides');
    expect(r.text).toContain('Step 2: Divide both sides by 5.');
    expect(r.text).toContain('5x + 3 - 3 = -7 - 3');
    expect(r.text).toContain('5x / 5 = -10 / 5');
    expect(r.text).toContain('$\\boxed{-2}$');
  });

  it('fractions keep their LaTeX command and a rounded decimal is re-rounded', () => {
    const r = reuse('Solve 3x + 5 = 12', FRACTION_ANSWER, 'Solve 3x + 2 = 10');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('Subtract 2 from both sides: $3x = 8$');
    expect(r.text).toContain('$x = \\dfrac{8}{3}$');
    expect(r.text).toContain('x = 8/3 ≈ 2.67');
  });

  it('prose with decimals and a chain', () => {
    const r = reuse('Find x if 0.5x + 1.2 = 3.7', DECIMAL_PROSE, 'Find x if 0.5x + 1.7 = 4.2');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('multiply both sides by 10 to clear the decimals: 5x + 17 = 42');
    expect(r.text).toContain('subtract 17 from both sides');
  });

  it('brackets on both sides', () => {
    const r = reuse('Solve 3(x - 2) = 2x + 5', QWEN_SINGLE, 'Solve 3(x - 4) = 2x + 1');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('3(x - 4) = 3x - 12');
    expect(r.text).toContain('x = 13');
  });

  it('a system solved by substitution, also with renamed unknowns', () => {
    const r = reuse('Solve the system: 2x + 3y = 12 and x - y = 1', GPT_SYSTEM, 'Solve the system: 2x + 3y = 17 and x - y = 1');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('2(y + 1) + 3y = 17');
    expect(r.text).toContain('5y = 15');
    expect(r.text).toContain('x = y + 1 = 3 + 1 = 4');

    const renamed = reuse('Solve the system: 2x + 3y = 12 and x - y = 1', GPT_SYSTEM, 'Solve the system: 2a + 3b = 22 and a - b = 1');
    expect(renamed.answer).toEqual({ ok: true });
    expect(renamed.text).toContain('5b = 20');
    expect(renamed.text).toContain('\\(a = 5\\) and \\(b = 4\\)');
  });

  it('three unknowns by elimination in prose', () => {
    const r = reuse(
      'Solve x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2',
      PROSE_SYSTEM_3,
      'Solve x + y + z = 9, 2x - y + z = 5, x + 2y - z = 4',
    );
    expect(r.answer).toEqual({ ok: true });
    expect(r.verdicts.every((v) => v.ok)).toBe(true);
    expect(r.text).toContain('Subtracting 2x + 3y = 13 from it gives 7x = 14, so x = 2.');
    expect(r.text).toContain('Then 3(2) + y = 9, so y = 3.');
    expect(r.text).toMatch(/Finally z = 9 - x - y = .* = 4\./);
    expect(r.text).toContain('The solution is (2, 3, 4).');
  });

  it('the fallback derivation of a system', () => {
    const cached = problem('Solve the system: 2x + 3y = 12 and x - y = 1');
    const r = reuse('Solve the system: 2x + 3y = 12 and x - y = 1', verifier.fallback!(cached)!, 'Solve the system: 5x + 3y = 2 and x - y = 7');
    expect(r.answer).toEqual({ ok: true });
    expect(r.text).toContain('Final answer: x = 23/8, y = -33/8');
  });
});

describe('adapt leaves alone what it cannot re-derive', () => {
  it('does not touch answers to a problem of another structure', () => {
    const cached = problem('Solve for x: 2x + 3 = 7');
    const steps = verifier.segment(GPT_SINGLE, cached);
    expect(verifier.adapt!(steps, cached, problem('Solve for x: 3 + 2x = 11'))).toEqual({ steps, adapted: 0 });
    expect(verifier.adapt!(steps, cached, problem('Solve for x: 2(x + 3) = 11'))).toEqual({ steps, adapted: 0 });
  });

  it('leaves a step whose new number cannot be written in its style, so it fails and is patched', () => {
    const answer = 'Step 1: Subtract 2 from both sides: 3x = 6.0\n\nStep 2: Divide by 3: x = 2.0\n\nFinal answer: x = 2.0';
    // 7/3 has no exact one-decimal form: step 2 stays as cached and fails for the new problem.
    const r = reuse('Solve 3x + 2 = 8', answer, 'Solve 3x + 2 = 9');
    expect(r.text).toContain('3x = 7.0');
    expect(r.text).toContain('Step 2: Divide by 3: x = 2.0');
    expect(r.verdicts[0]).toEqual({ ok: true });
    expect(r.verdicts[1]?.ok).toBe(false);
    expect(r.answer.ok).toBe(false);
  });

  it('changes nothing when nothing but the wording changed', () => {
    const cached = problem('Solve for x: 2x + 3 = 7');
    const steps = verifier.segment(GPT_SINGLE, cached);
    expect(verifier.adapt!(steps, cached, problem('Find x if 2x + 3 = 7.'))).toEqual({ steps, adapted: 0 });
  });
});
