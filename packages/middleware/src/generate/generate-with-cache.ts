import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { TEXT_TASK } from '../classify/classify-task';
import { promptKey } from '../keys/prompt-key';
import { generateCaller, resultText } from '../model-call/model-caller';
import type { ResolvedOptions } from '../options/resolve-options';
import { patchAnswer } from '../patching/patch-answer';
import { settleFreshAnswer } from '../patching/settle-fresh-answer';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { addUsage, zeroUsage } from '../report/token-usage';
import { prepareRequest } from '../request/prepare-request';
import { findCandidate } from '../retrieval/find-candidate';
import { decideReuse } from '../reuse/decide-reuse';
import { storeAnswer } from '../storage/store-answer';
import { answerResult, modelResult } from './answer-result';

/** What `wrapGenerate` receives. */
export interface GenerateCall {
  readonly doGenerate: () => PromiseLike<LanguageModelV4GenerateResult>;
  readonly params: LanguageModelV4CallOptions;
  readonly model: LanguageModelV4;
}

/**
 * The request path for `generateText` / `generateObject`: classify, look up,
 * then reuse, patch or generate, verify, repair, store, report.
 */
export async function generateWithCache(options: ResolvedOptions, call: GenerateCall): Promise<LanguageModelV4GenerateResult> {
  const startedAt = performance.now();
  const { params, model } = call;
  const abortSignal = params.abortSignal;
  const finish = (metadata: StepCacheMetadata) => {
    options.emit({ type: 'request', metadata, durationMs: performance.now() - startedAt });
    return metadata;
  };

  const prepared = await prepareRequest(params, model, options);
  if (prepared.kind === 'bypass') {
    const result = await call.doGenerate();
    const metadata = { path: 'bypass', task: TEXT_TASK, reusedSteps: 0, patchedSteps: 0, modelCalls: 1, reason: prepared.reason } as const;
    return modelResult(result, finish(metadata));
  }

  const { request, classification } = prepared;
  const key = await promptKey(request.input.prompt);
  const lookup = await findCandidate(options, {
    partition: prepared.partition,
    promptKey: key,
    prompt: request.input.prompt,
    ...(abortSignal === undefined ? {} : { abortSignal }),
  });
  const decision = decideReuse(prepared, lookup.candidate);
  const task = classification.task;
  const callModel = generateCaller(model, params, request);

  if (decision.path === 'reuse') {
    const metadata: StepCacheMetadata = {
      path: 'reuse',
      task,
      reusedSteps: decision.reusedSteps,
      patchedSteps: 0,
      modelCalls: 0,
      similarity: decision.similarity,
      ...(decision.adaptedSteps > 0 ? { adaptedSteps: decision.adaptedSteps } : {}),
    };
    return answerResult(decision.answer, zeroUsage(), finish(metadata), model.modelId);
  }

  if (decision.path === 'patch' && classification.verifier !== undefined) {
    const patched = await patchAnswer({
      verifier: classification.verifier,
      problem: classification.problem,
      input: request.input,
      start: decision.plan,
      callModel,
      maxCalls: 1 + options.maxRepairs,
      ...(abortSignal === undefined ? {} : { abortSignal }),
      emit: options.emit,
    });
    const stored = patched.complete && (await storeAnswer(options, prepared, { promptKey: key, embedding: lookup.embedding, answer: patched.answer }));
    const metadata: StepCacheMetadata = {
      path: 'patch',
      task,
      reusedSteps: patched.keptSteps,
      patchedSteps: patched.patchedSteps,
      modelCalls: patched.modelCalls,
      similarity: decision.similarity,
      ...(decision.adaptedSteps > 0 && !patched.fallback ? { adaptedSteps: decision.adaptedSteps } : {}),
      ...(patched.fallback ? { fallback: true } : {}),
      stored,
    };
    return answerResult(patched.answer, patched.usage, finish(metadata), model.modelId);
  }

  if (decision.path === 'skip') {
    options.emit({ type: 'skip', task, reason: decision.reason, similarity: decision.similarity });
  }
  const result = await call.doGenerate();
  const settled = await settleFreshAnswer(options, {
    classification,
    input: request.input,
    text: resultText(result),
    finishReason: result.finishReason,
    callModel,
    ...(abortSignal === undefined ? {} : { abortSignal }),
  });
  const stored = settled.storable && (await storeAnswer(options, prepared, { promptKey: key, embedding: lookup.embedding, answer: settled.answer }));
  const metadata: StepCacheMetadata = {
    path: decision.path === 'skip' ? 'skip' : 'miss',
    task,
    reusedSteps: 0,
    patchedSteps: settled.patchedSteps,
    modelCalls: 1 + settled.repairCalls,
    ...(decision.path === 'skip' ? { similarity: decision.similarity, reason: decision.reason } : {}),
    ...(settled.fallback ? { fallback: true } : {}),
    stored,
  };
  return modelResult(
    result,
    finish(metadata),
    settled.changed ? { answer: settled.answer, usage: addUsage(result.usage, settled.repairUsage) } : undefined,
  );
}
