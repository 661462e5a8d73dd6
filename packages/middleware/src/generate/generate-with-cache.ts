import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { generateCaller, resultText } from '../model-call/model-caller';
import type { ResolvedOptions } from '../options/resolve-options';
import { patchAnswer } from '../patching/patch-answer';
import { repairBound } from '../patching/repair-bound';
import { settleFreshAnswer } from '../patching/settle-fresh-answer';
import { bypassMetadata, freshMetadata, patchMetadata, reuseMetadata } from '../report/path-metadata';
import { addUsage, zeroUsage } from '../report/token-usage';
import { beginRequest } from '../request/begin-request';
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
  const { params, model } = call;
  const start = await beginRequest(options, params, model);
  if (start.kind === 'bypass') return modelResult(await call.doGenerate(), start.finish(bypassMetadata(start.reason)));

  const { prepared, decision, finish, store } = start;
  const { request, classification } = prepared;
  const abortSignal = params.abortSignal;
  const callModel = generateCaller(model, params, request);

  if (decision.path === 'reuse') {
    return answerResult(decision.answer, zeroUsage(), finish(reuseMetadata(classification, decision)), model.modelId);
  }

  if (decision.path === 'patch' && classification.verifier !== undefined) {
    const patched = await patchAnswer({
      verifier: classification.verifier,
      problem: classification.problem,
      input: request.input,
      start: decision.plan,
      callModel,
      maxCalls: 1 + repairBound(options.maxRepairs, classification.verifier),
      ...(abortSignal === undefined ? {} : { abortSignal }),
      emit: options.emit,
    });
    const stored = patched.complete && (await store(patched.answer));
    return answerResult(patched.answer, patched.usage, finish(patchMetadata(classification, decision, patched, stored)), model.modelId);
  }

  const fresh = decision.path === 'skip' ? decision : ({ path: 'miss' } as const);
  const result = await call.doGenerate();
  const settled = await settleFreshAnswer(options, {
    classification,
    input: request.input,
    text: resultText(result),
    finishReason: result.finishReason,
    callModel,
    ...(abortSignal === undefined ? {} : { abortSignal }),
  });
  const stored = settled.storable && (await store(settled.answer));
  const metadata = freshMetadata(classification, fresh, { ...settled, modelCalls: 1 + settled.repairCalls }, stored);
  return modelResult(
    result,
    finish(metadata),
    settled.changed ? { answer: settled.answer, usage: addUsage(result.usage, settled.repairUsage) } : undefined,
  );
}
