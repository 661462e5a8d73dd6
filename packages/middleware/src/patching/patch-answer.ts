import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { AnyVerifier, PatchArgs, TaskInput } from '@stepcache/verifiers';
import { StepCacheError } from '@stepcache/verifiers';
import type { ModelCaller } from '../model-call/model-caller';
import type { StepCacheEventHandler } from '../report/stepcache-event';
import { addUsage, zeroUsage } from '../report/token-usage';
import type { StepPlan } from '../reuse/plan-reuse';
import { readSteps } from './read-steps';

/** A verified answer assembled by patching. */
export interface PatchedAnswer {
  readonly answer: string;
  /** Steps of `answer` that came from patch or repair calls or the fallback (not from `original`). */
  readonly patchedSteps: number;
  /** Steps of `answer` carried over from the starting plan. */
  readonly keptSteps: number;
  /** The steps carried over from the starting plan, in answer order (`keptSteps` of them). */
  readonly reused: readonly string[];
  /** The steps patch or repair calls or the fallback wrote (`patchedSteps` of them). */
  readonly patched: readonly string[];
  readonly modelCalls: number;
  readonly usage: LanguageModelV4Usage;
  /** True when the deterministic fallback wrote the answer's remaining steps. */
  readonly fallback: boolean;
  /** True when every model call whose text is in the answer ended with finish reason `stop`. */
  readonly complete: boolean;
}

/** Inputs of {@link patchAnswer}. */
export interface PatchAnswerOptions {
  readonly verifier: AnyVerifier;
  readonly problem: unknown;
  readonly input: TaskInput;
  /** The verified steps and the failures to start from. */
  readonly start: Pick<StepPlan, 'kept' | 'rejected'>;
  /**
   * The model's stream for the original request, read before any patch call
   * when set (a streamed miss); its text is segmented as a whole answer.
   */
  readonly original?: () => PromiseLike<ReadableStream<LanguageModelV4StreamPart>>;
  /** Makes patch and repair calls. */
  readonly callModel: ModelCaller;
  /** Model calls allowed, `original` included, before the fallback answers (0: at once). */
  readonly maxCalls: number;
  /**
   * Model calls the request made before patching began (a full generation
   * being repaired), so failures report the request's total. Default 0.
   */
  readonly priorCalls?: number;
  readonly abortSignal?: AbortSignal;
  readonly emit: StepCacheEventHandler;
  /**
   * Receives the answer's text as it grows, only ever extended by steps that
   * verified (streaming). `subset` verifiers without `streamJoin` send it
   * once, whole.
   */
  readonly write?: (delta: string) => void;
}

/**
 * Regenerates what failed. Each model call carries the verified steps so
 * far; its steps are checked as they complete (a step is complete once the
 * next one starts). In `suffix` mode the call is cut at the first failing
 * step; in `subset` mode (independent steps) it is read to the end so that
 * every failing step is known to the next call. After `maxCalls` calls the
 * verifier's deterministic fallback finishes the answer (its derivation
 * follows the verified steps); without a fallback the verifier's `failure`
 * error is thrown, or a `StepCacheError` (`ANSWER_UNVERIFIED`). Never returns
 * or writes an answer that failed verification. Errors of model calls are
 * rethrown.
 */
export async function patchAnswer(options: PatchAnswerOptions): Promise<PatchedAnswer> {
  const { verifier, problem, input, abortSignal, emit } = options;
  const startCount = options.start.kept.length;
  const kept = [...options.start.kept];
  let rejected = [...options.start.rejected];
  // Steps refused during the current call (subset mode reads on past them).
  let refused: { step: string; reason: string }[] = [];
  let written = '';
  let usage = zeroUsage();
  let modelCalls = 0;
  let complete = true;

  // Streams what verified. Suffix answers grow by `join`; subset answers that can be streamed
  // step by step (`streamJoin`) grow in the order their steps verified; others come whole.
  const streamed = (final: boolean): string | undefined => {
    if (verifier.patchMode === 'suffix') return verifier.join(kept, problem);
    if (verifier.streamJoin !== undefined) return verifier.streamJoin(kept, problem, final);
    return final ? verifier.join(kept, problem) : undefined;
  };
  const release = (final: boolean) => {
    if (options.write === undefined || kept.length === 0) return;
    const text = streamed(final);
    if (text === undefined || !text.startsWith(written) || text.length === written.length) return;
    options.write(text.slice(written.length));
    written = text;
  };
  const accept = (step: string): boolean => {
    const verdict = verifier.verifyStep(step, problem, { index: kept.length, previous: kept });
    if (verdict.ok) {
      kept.push(step);
      release(false);
      return true;
    }
    if (verdict.drop === true) return true;
    if (verifier.patchMode === 'subset') {
      refused.push({ step, reason: verdict.reason });
      return true;
    }
    rejected = [{ step, reason: verdict.reason }];
    return false;
  };
  const done = (fallback: boolean, originalSteps: number): PatchedAnswer => {
    const patched = kept.slice(startCount + originalSteps);
    return {
      answer: verifier.join(kept, problem),
      keptSteps: startCount,
      reused: kept.slice(0, startCount),
      patched,
      patchedSteps: patched.length,
      modelCalls,
      usage,
      fallback,
      complete: fallback || complete,
    };
  };
  const reason = () => rejected[0]?.reason ?? 'the answer is incomplete';

  release(false);
  let patchAttempt = 0;
  let originalSteps = 0;
  for (let call = 1; call <= options.maxCalls; call++) {
    abortSignal?.throwIfAborted();
    let parse: (text: string) => string[];
    let stream: ReadableStream<LanguageModelV4StreamPart>;
    if (call === 1 && options.original !== undefined) {
      parse = (text) => verifier.segment(text, problem);
      stream = await options.original();
    } else {
      patchAttempt += 1;
      const args: PatchArgs<unknown> = { problem, input, kept: [...kept], rejected, attempt: patchAttempt };
      emit({ type: 'patch', task: verifier.task, attempt: patchAttempt, keptSteps: kept.length, reason: reason() });
      parse = (text) => verifier.readPatch(text, args);
      stream = await options.callModel(verifier.patchRequest(args));
    }
    modelCalls += 1;
    const before = kept.length;
    refused = [];
    const read = await readSteps(stream, parse, accept, abortSignal);
    usage = addUsage(usage, read.usage);
    // A call we cut at a refused step is not a truncated answer; one that ran out of tokens is.
    if (kept.length > before && read.allAccepted && read.finishReason !== 'stop') complete = false;
    if (call === 1 && options.original !== undefined) originalSteps = kept.length - before;
    // A refused step ends the call; in suffix mode what verified before it may already be a whole answer.
    if (!read.allAccepted && verifier.patchMode !== 'suffix') continue;
    // Subset mode: steps refused in this call are regenerated by the next one while calls remain.
    // After the last call, the verified steps are still served if they make a whole answer on
    // their own (the refused steps were optional parts), since that answer passed every check.
    if (refused.length > 0) {
      rejected = refused;
      if (call < options.maxCalls) continue;
    }
    const answer = verifier.join(kept, problem);
    const verdict = kept.length > 0 ? verifier.verifyAnswer(answer, problem) : { ok: false as const, reason: 'no step verified' };
    if (!verdict.ok && !read.allAccepted) continue;
    if (verdict.ok) {
      release(true);
      return done(false, originalSteps);
    }
    if (refused.length === 0) rejected = [{ step: '', reason: verdict.reason }];
  }

  abortSignal?.throwIfAborted();
  const totalCalls = (options.priorCalls ?? 0) + modelCalls;
  const fallback = verifier.fallback?.(problem);
  if (fallback === undefined || !verifier.verifyAnswer(fallback, problem).ok) {
    throw (
      verifier.failure?.({ problem, input, kept: [...kept], rejected, modelCalls: totalCalls }) ??
      new StepCacheError({
        code: 'ANSWER_UNVERIFIED',
        message: `StepCache could not produce a verified ${verifier.task} answer after ${totalCalls} model call(s): ${reason()}`,
        details: { task: verifier.task, reason: reason(), rejected },
      })
    );
  }
  emit({ type: 'fallback', task: verifier.task, reason: reason() });
  const fallbackSteps = verifier.segment(fallback, problem);
  const stitched = [...kept, ...fallbackSteps];
  if (kept.length > 0 && verifier.verifyAnswer(verifier.join(stitched, problem), problem).ok) {
    kept.push(...fallbackSteps);
    release(true);
    return done(true, originalSteps);
  }
  if (written !== '') {
    // The verified steps already sent cannot be taken back, and they do not stitch with the fallback.
    throw new StepCacheError({
      code: 'ANSWER_UNVERIFIED',
      message: `StepCache could not stitch the ${verifier.task} fallback to the steps already streamed: ${reason()}`,
      details: { task: verifier.task, reason: reason(), rejected },
    });
  }
  kept.splice(0, kept.length, ...fallbackSteps);
  release(true);
  return {
    answer: fallback,
    keptSteps: 0,
    reused: [],
    patched: fallbackSteps,
    patchedSteps: fallbackSteps.length,
    modelCalls,
    usage,
    fallback: true,
    complete: true,
  };
}
