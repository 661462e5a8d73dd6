import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { Classification } from '../classify/classify-task';
import type { ModelCaller } from '../model-call/model-caller';
import type { ResolvedOptions } from '../options/resolve-options';
import type { AnyVerifier, TaskInput } from '@stepcache/verifiers';
import { zeroUsage } from '../report/token-usage';
import type { StepPlan } from '../reuse/plan-reuse';
import { checkSteps } from '../reuse/plan-reuse';
import { patchAnswer } from './patch-answer';
import { repairBound } from './repair-bound';

/** A freshly generated answer after verification and, if needed, repair. */
export interface SettledAnswer {
  /** The answer to serve. */
  readonly answer: string;
  /** True when `answer` is not the model's text verbatim. */
  readonly changed: boolean;
  /** True when the answer may be stored: verified (or free text) and complete. */
  readonly storable: boolean;
  readonly patchedSteps: number;
  /** The steps repair calls (or the fallback) wrote. */
  readonly patched: readonly string[];
  /** Repair calls made after the generation. */
  readonly repairCalls: number;
  /** Tokens spent by repair calls. */
  readonly repairUsage: LanguageModelV4Usage;
  readonly fallback: boolean;
}

/**
 * A full generation as it can be served without a model call: the text
 * itself when it verifies, else its verified steps stitched when they make a
 * whole answer (JSON pulled out of prose or fences); `answer` is `undefined`
 * when neither verifies, and `steps` then holds what verified and what failed.
 */
export function readFreshAnswer(verifier: AnyVerifier, problem: unknown, text: string): { answer: string | undefined; steps: StepPlan } {
  if (verifier.verifyAnswer(text, problem).ok) return { answer: text, steps: { kept: [], rejected: [], dropped: 0 } };
  const steps = checkSteps(verifier, verifier.segment(text, problem), problem);
  return { answer: steps.answer, steps };
}

/**
 * Verifies a full generation. A correct answer is served as the model wrote
 * it; one whose verified steps already make a correct answer once stitched
 * (JSON repaired locally: prose, fences and syntax slips removed) is served
 * stitched, with no call; a wrong one keeps its verified steps and is
 * repaired like a patch (at most `maxRepairs` calls, lowered to the
 * verifier's own bound, then the fallback). Free text is served as is. Only
 * an answer whose generation stopped normally may be stored.
 */
export async function settleFreshAnswer(
  options: ResolvedOptions,
  args: {
    classification: Classification;
    input: TaskInput;
    text: string;
    finishReason: LanguageModelV4FinishReason;
    callModel: ModelCaller;
    abortSignal?: AbortSignal;
  },
): Promise<SettledAnswer> {
  const { classification, text } = args;
  const stopped = args.finishReason.unified === 'stop';
  const asIs = { answer: text, changed: false, patchedSteps: 0, patched: [], repairCalls: 0, repairUsage: zeroUsage(), fallback: false };
  const { verifier, problem } = classification;
  if (verifier === undefined) return { ...asIs, storable: stopped && text.trim() !== '' };
  const read = readFreshAnswer(verifier, problem, text);
  if (read.answer !== undefined) return { ...asIs, answer: read.answer, changed: read.answer !== text, storable: stopped };

  const start = read.steps;
  const patched = await patchAnswer({
    verifier,
    problem,
    input: args.input,
    start,
    callModel: args.callModel,
    maxCalls: repairBound(options.maxRepairs, verifier),
    priorCalls: 1,
    ...(args.abortSignal === undefined ? {} : { abortSignal: args.abortSignal }),
    emit: options.emit,
  });
  return {
    answer: patched.answer,
    changed: true,
    // Steps kept from a cut-off generation make the answer a cut-off one too.
    storable: patched.complete && (stopped || start.kept.length === 0),
    patchedSteps: patched.patchedSteps,
    patched: patched.patched,
    repairCalls: patched.modelCalls,
    repairUsage: patched.usage,
    fallback: patched.fallback,
  };
}
