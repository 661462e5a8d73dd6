import type { BenchRequest } from '../workload/workload-request';
import type { CheckResult } from './check-result';
import { checkResult } from './check-result';
import { checkJson } from './check-json';
import { checkLinear } from './check-linear';
import { checkNumber, checkPhrase, checkRoots, checkYesNo } from './check-short-answers';

/** Where an answer came from, as far as correctness depends on it. */
export interface AnswerSource {
  /**
   * The prompt of the cached request whose answer was served (wholly or in
   * part), or undefined when the model answered this prompt itself.
   */
  readonly cachedPrompt?: string;
}

/** Whitespace- and case-insensitive form of a prompt, for "the same question" comparisons. */
export function samePromptText(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Judges an answer against the request's ground truth, independently of
 * StepCache's verifiers. Free text has no ground truth: its answer is right
 * when it was written for this prompt (by the model, or cached for the very
 * same prompt) and wrong when it is another question's cached answer.
 */
export function checkAnswer(request: BenchRequest, text: string, source: AnswerSource = {}): CheckResult {
  const truth = request.truth;
  switch (truth.kind) {
    case 'linear':
      return checkLinear(truth, text);
    case 'json':
      return checkJson(truth, text);
    case 'yes-no':
      return checkYesNo(truth, text);
    case 'number':
      return checkNumber(truth, text);
    case 'roots':
      return checkRoots(truth, text);
    case 'phrase':
      return checkPhrase(truth, text);
    case 'fresh': {
      const own = source.cachedPrompt === undefined || samePromptText(source.cachedPrompt, request.prompt);
      return checkResult(text.trim() !== '', own, `served the cached answer to "${source.cachedPrompt ?? ''}"`);
    }
  }
}
