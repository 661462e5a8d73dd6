import type { Classification } from '../classify/classify-task';
import { TEXT_TASK } from '../classify/classify-task';
import type { PatchedAnswer } from '../patching/patch-answer';
import type { ReuseDecision } from '../reuse/decide-reuse';
import { stepNames } from './step-names';
import type { StepCacheMetadata } from './stepcache-metadata';

type Decision<P extends ReuseDecision['path']> = Extract<ReuseDecision, { path: P }>;

/** Metadata of a call the cache stayed out of. */
export function bypassMetadata(reason: string): StepCacheMetadata {
  return { path: 'bypass', task: TEXT_TASK, reusedSteps: 0, patchedSteps: 0, modelCalls: 1, reason };
}

/** Metadata of an answer served from verified cached steps. */
export function reuseMetadata(classification: Classification, decision: Decision<'reuse'>): StepCacheMetadata {
  return {
    path: 'reuse',
    task: classification.task,
    reusedSteps: decision.reusedSteps,
    patchedSteps: 0,
    ...stepNames(classification.verifier, classification.problem, { reused: decision.steps, patched: [] }),
    modelCalls: 0,
    similarity: decision.similarity,
    ...(decision.adaptedSteps > 0 ? { adaptedSteps: decision.adaptedSteps } : {}),
  };
}

/** Metadata of an answer patched from a cached one. */
export function patchMetadata(
  classification: Classification,
  decision: Decision<'patch'>,
  patched: PatchedAnswer,
  stored: boolean,
): StepCacheMetadata {
  return {
    path: 'patch',
    task: classification.task,
    reusedSteps: patched.keptSteps,
    patchedSteps: patched.patchedSteps,
    ...stepNames(classification.verifier, classification.problem, patched),
    modelCalls: patched.modelCalls,
    similarity: decision.similarity,
    ...(decision.adaptedSteps > 0 && !patched.fallback ? { adaptedSteps: decision.adaptedSteps } : {}),
    ...(patched.fallback ? { fallback: true } : {}),
    stored,
  };
}

/** Metadata of a full generation (miss or skip), with the repairs it needed. */
export function freshMetadata(
  classification: Classification,
  decision: Decision<'skip' | 'miss'>,
  outcome: { patched: readonly string[]; modelCalls: number; fallback: boolean },
  stored: boolean,
): StepCacheMetadata {
  return {
    path: decision.path,
    task: classification.task,
    reusedSteps: 0,
    patchedSteps: outcome.patched.length,
    ...stepNames(classification.verifier, classification.problem, { reused: [], patched: outcome.patched }),
    modelCalls: outcome.modelCalls,
    ...(decision.path === 'skip' ? { similarity: decision.similarity, reason: decision.reason } : {}),
    ...(outcome.fallback ? { fallback: true } : {}),
    stored,
  };
}
