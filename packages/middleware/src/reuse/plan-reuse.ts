import type { AnyVerifier, Verdict } from '@stepcache/verifiers';

/** The outcome of checking an answer's steps against a problem. */
export interface StepPlan {
  /** Steps that passed and stay in the answer, in order. */
  readonly kept: string[];
  /** The steps that failed and must be regenerated, with why. */
  readonly rejected: { step: string; reason: string }[];
  /** Steps dropped because the request no longer wants them. */
  readonly dropped: number;
  /** Set when every step passed and the stitched answer verified: the answer to serve. */
  readonly answer?: string;
}

/** A cached answer checked against a new request. */
export type ReusePlan =
  | { readonly kind: 'skip'; readonly reason: string }
  | ({ readonly kind: 'steps'; readonly adapted: number } & StepPlan);

/**
 * Checks `steps` in order against `problem`. In `suffix` mode checking stops at
 * the first failure (later steps depend on it); in `subset` mode every step is
 * judged on its own.
 */
export function checkSteps(
  verifier: AnyVerifier,
  steps: readonly string[],
  problem: unknown,
  options: { source?: unknown; previous?: readonly string[] } = {},
): StepPlan {
  const kept: string[] = [...(options.previous ?? [])];
  const rejected: { step: string; reason: string }[] = [];
  let dropped = 0;
  for (const step of steps) {
    const verdict: Verdict = verifier.verifyStep(step, problem, {
      index: kept.length,
      previous: kept,
      ...(options.source === undefined ? {} : { source: options.source }),
    });
    if (verdict.ok) {
      kept.push(step);
    } else if (verdict.drop === true) {
      dropped += 1;
    } else {
      rejected.push({ step, reason: verdict.reason });
      if (verifier.patchMode === 'suffix') break;
    }
  }
  // In suffix mode the verified prefix may already be a whole answer (a wrong
  // step after the final answer, such as a botched check, is then dropped).
  if (kept.length > 0 && (rejected.length === 0 || verifier.patchMode === 'suffix')) {
    const answer = verifier.join(kept, problem);
    const final = verifier.verifyAnswer(answer, problem);
    if (final.ok) return { kept, rejected: [], dropped, answer };
    if (rejected.length === 0) rejected.push({ step: '', reason: final.reason });
  }
  return { kept, rejected, dropped };
}

/**
 * Decides what of a cached answer can serve a new problem: skip when the
 * verifier says the structure or question changed, or when no step survives
 * (patching would regenerate everything anyway); otherwise the verified steps
 * and the failing ones.
 */
export function planReuse(
  verifier: AnyVerifier,
  cached: { problem: unknown; answer: string },
  next: unknown,
): ReusePlan {
  const skip = verifier.skipReason(cached.problem, next);
  if (skip !== undefined) return { kind: 'skip', reason: skip };
  const segmented = verifier.segment(cached.answer, cached.problem);
  const steps = verifier.adapt?.(segmented, cached.problem, next).steps ?? segmented;
  const plan = checkSteps(verifier, steps, next, { source: cached.problem });
  if (plan.kept.length === 0) {
    return { kind: 'skip', reason: `no cached step verified (${plan.rejected[0]?.reason ?? 'empty answer'})` };
  }
  // Count only adapted steps that made it into the answer.
  const original = new Set(segmented);
  const adapted = plan.kept.filter((step) => !original.has(step)).length;
  return { kind: 'steps', adapted, ...plan };
}
