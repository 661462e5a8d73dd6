import type { AnyVerifier } from '@stepcache/verifiers';
import type { CacheEntry } from '../store/cache-entry';
import type { ReusePlan } from './plan-reuse';
import { planReuse } from './plan-reuse';

// A plan depends only on the verifier, the cached entry and the new problem. Entries of the
// memory store and problems of a verifier's own memo keep their identity, so a request that
// hits the same entry again (a popular variant) reuses the judgement instead of re-verifying
// every step; both keys are weak, so nothing outlives the entry or the problem.
const plans = new WeakMap<AnyVerifier, WeakMap<CacheEntry, WeakMap<object, ReusePlan>>>();

/**
 * {@link planReuse} for a cached entry and a new problem, memoised per
 * (verifier, entry, problem) object identity. Problems that are not objects
 * are planned every time.
 */
export function memoisedPlan(verifier: AnyVerifier, entry: CacheEntry, cachedProblem: unknown, next: unknown): ReusePlan {
  if (typeof next !== 'object' || next === null) return planReuse(verifier, { problem: cachedProblem, answer: entry.answer }, next);
  let byEntry = plans.get(verifier);
  if (!byEntry) {
    byEntry = new WeakMap();
    plans.set(verifier, byEntry);
  }
  let byProblem = byEntry.get(entry);
  if (!byProblem) {
    byProblem = new WeakMap();
    byEntry.set(entry, byProblem);
  }
  let plan = byProblem.get(next);
  if (!plan) {
    plan = planReuse(verifier, { problem: cachedProblem, answer: entry.answer }, next);
    byProblem.set(next, plan);
  }
  return plan;
}
