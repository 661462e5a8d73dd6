import { TEXT_TASK } from '../classify/classify-task';
import type { PreparedRequest } from '../request/prepare-request';
import type { Candidate } from '../retrieval/find-candidate';
import { cachedProblem } from './cached-problem';
import type { StepPlan } from './plan-reuse';
import { memoisedPlan } from './memoised-plan';

/** What to do with a request once its candidate has been judged. */
export type ReuseDecision =
  | {
      readonly path: 'reuse';
      readonly answer: string;
      /** The verified steps the answer was stitched from (none for free text). */
      readonly steps: readonly string[];
      readonly reusedSteps: number;
      readonly adaptedSteps: number;
      readonly similarity: number;
    }
  | {
      readonly path: 'patch';
      readonly plan: StepPlan;
      readonly adaptedSteps: number;
      readonly similarity: number;
    }
  | { readonly path: 'skip'; readonly reason: string; readonly similarity: number }
  | { readonly path: 'miss' };

/**
 * Judges the candidate for a request: reuse it whole, patch it, skip it (full
 * generation) or, without a candidate, miss. Free text is reused only on an
 * exact prompt match; verified tasks only when their steps verify.
 */
export function decideReuse(prepared: PreparedRequest, candidate: Candidate | undefined): ReuseDecision {
  if (candidate === undefined) return { path: 'miss' };
  const { entry, similarity } = candidate;
  const { classification } = prepared;
  if (entry.task !== classification.task) {
    return { path: 'skip', reason: `the cached request is a ${entry.task} task, this one is ${classification.task}`, similarity };
  }
  if (classification.verifier === undefined) {
    return candidate.exact
      ? { path: 'reuse', answer: entry.answer, steps: [], reusedSteps: 1, adaptedSteps: 0, similarity }
      : { path: 'skip', reason: `${TEXT_TASK} has no verifier and is reused only on an exact prompt match`, similarity };
  }
  const problem = cachedProblem(classification.verifier, entry);
  if (problem === undefined) {
    return { path: 'skip', reason: `the ${entry.task} verifier no longer recognises the cached request`, similarity };
  }
  const plan = memoisedPlan(classification.verifier, entry, problem, classification.problem);
  if (plan.kind === 'skip') return { path: 'skip', reason: plan.reason, similarity };
  if (plan.answer !== undefined) {
    return { path: 'reuse', answer: plan.answer, steps: plan.kept, reusedSteps: plan.kept.length, adaptedSteps: plan.adapted, similarity };
  }
  return { path: 'patch', plan, adaptedSteps: plan.adapted, similarity };
}
