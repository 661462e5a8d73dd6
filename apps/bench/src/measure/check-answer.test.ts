import { describe, expect, it } from 'vitest';
import type { BenchRequest, GroundTruth } from '../workload/workload-request';
import { checkAnswer } from './check-answer';

function request(truth: GroundTruth, prompt = 'q'): BenchRequest {
  return { id: 'r', seed: 1, family: 'text', kind: 'free-text', group: 'g', graded: false, mustNotReuse: false, prompt, output: { type: 'text' }, truth };
}

describe('checkAnswer', () => {
  it('judges yes/no answers by the first yes or no', () => {
    const yes = request({ kind: 'yes-no', answer: true });
    expect(checkAnswer(yes, 'Yes, x = 3 satisfies the equation.').correct).toBe(true);
    expect(checkAnswer(yes, 'No. Substituting gives 11, not 9.').correct).toBe(false);
    expect(checkAnswer(yes, 'x = 3').taskCheck).toBe(false);
    expect(checkAnswer(yes, 'Nothing definite.').correct).toBe(false);
  });

  it('judges one-number answers by the last number stated, words included', () => {
    const value = request({ kind: 'number', value: '16' });
    expect(checkAnswer(value, 'x = 4, so x^2 = 16.').correct).toBe(true);
    expect(checkAnswer(value, 'x = 4\n\nFinal answer: x = 4').correct).toBe(false);
    expect(checkAnswer(request({ kind: 'number', value: '1' }), 'The system has exactly one solution.').correct).toBe(true);
  });

  it('judges quadratic roots as a set', () => {
    const roots = request({ kind: 'roots', variable: 'x', values: ['4', '-4'] });
    expect(checkAnswer(roots, 'x^2 = 16, so x = ±4').correct).toBe(true);
    expect(checkAnswer(roots, 'x = 4 or x = -4').correct).toBe(true);
    expect(checkAnswer(roots, 'x = -4, 4').correct).toBe(true);
    expect(checkAnswer(roots, 'Final answer: x = 4').correct).toBe(false);
    expect(checkAnswer(roots, 'x = 4 or x = -4 or x = 2').correct).toBe(false);
  });

  it('judges short answers by the accepted phrase, whole words only', () => {
    const phrase = request({ kind: 'phrase', accepted: ['Globex'] });
    expect(checkAnswer(phrase, 'She works for globex.').correct).toBe(true);
    expect(checkAnswer(phrase, 'She works for GlobexCorp.').correct).toBe(false);
  });

  it('judges free text by where the answer came from', () => {
    const fresh = request({ kind: 'fresh' }, 'Is Python a compiled language?');
    expect(checkAnswer(fresh, 'Mostly interpreted.').correct).toBe(true);
    expect(checkAnswer(fresh, 'Mostly interpreted.', { cachedPrompt: '  is python a compiled   language?' }).correct).toBe(true);
    const reused = checkAnswer(fresh, 'Mostly interpreted.', { cachedPrompt: 'Is Python not a compiled language?' });
    expect(reused.correct).toBe(false);
    expect(reused.reason).toMatch(/not a compiled/);
  });
});
