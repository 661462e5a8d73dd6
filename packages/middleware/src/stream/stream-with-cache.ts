import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { TEXT_TASK } from '../classify/classify-task';
import { promptKey } from '../keys/prompt-key';
import { streamCaller } from '../model-call/model-caller';
import type { ResolvedOptions } from '../options/resolve-options';
import type { PatchedAnswer } from '../patching/patch-answer';
import { patchAnswer } from '../patching/patch-answer';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { toProviderMetadata } from '../report/stepcache-metadata';
import { zeroUsage } from '../report/token-usage';
import { prepareRequest } from '../request/prepare-request';
import { findCandidate } from '../retrieval/find-candidate';
import { decideReuse } from '../reuse/decide-reuse';
import { storeAnswer } from '../storage/store-answer';
import { closingParts, openingParts, streamOf, TEXT_ID } from './stream-parts';

/** What `wrapStream` receives. */
export interface StreamCall {
  readonly doStream: () => PromiseLike<LanguageModelV4StreamResult>;
  readonly params: LanguageModelV4CallOptions;
  readonly model: LanguageModelV4;
}

/**
 * The request path for `streamText` / `streamObject` / `useChat`:
 * - reuse: the verified answer is sent at once, with zero usage;
 * - patch: the verified prefix is sent at once, then the regenerated steps
 *   stream from the model, each released only after it verified;
 * - miss or skip of a verifiable task: the model's steps are released as they
 *   verify, with repair and fallback inside the stream;
 * - free text and bypass: the model's stream passes through untouched; free
 *   text is stored after a `finish` with reason `stop`.
 * Nothing is stored from a stream that errored, was aborted or was cut off.
 */
export async function streamWithCache(options: ResolvedOptions, call: StreamCall): Promise<LanguageModelV4StreamResult> {
  const startedAt = performance.now();
  const { params, model } = call;
  const abortSignal = params.abortSignal;
  const finish = (metadata: StepCacheMetadata) => {
    options.emit({ type: 'request', metadata, durationMs: performance.now() - startedAt });
    return metadata;
  };

  const prepared = await prepareRequest(params, model, options);
  if (prepared.kind === 'bypass') {
    const result = await call.doStream();
    const metadata = { path: 'bypass', task: TEXT_TASK, reusedSteps: 0, patchedSteps: 0, modelCalls: 1, reason: prepared.reason } as const;
    return { ...result, stream: result.stream.pipeThrough(passThrough(() => Promise.resolve(finish(metadata)))) };
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
  const store = (answer: string) => storeAnswer(options, prepared, { promptKey: key, embedding: lookup.embedding, answer });

  if (decision.path === 'reuse') {
    const metadata = finish({
      path: 'reuse',
      task,
      reusedSteps: decision.reusedSteps,
      patchedSteps: 0,
      modelCalls: 0,
      similarity: decision.similarity,
      ...(decision.adaptedSteps > 0 ? { adaptedSteps: decision.adaptedSteps } : {}),
    });
    return {
      stream: streamOf([
        ...openingParts(model.modelId),
        { type: 'text-delta', id: TEXT_ID, delta: decision.answer },
        ...closingParts(zeroUsage(), metadata),
      ]),
    };
  }

  if (decision.path === 'skip') {
    options.emit({ type: 'skip', task, reason: decision.reason, similarity: decision.similarity });
  }
  const { verifier, problem } = classification;
  const skipFields = decision.path === 'skip' ? { similarity: decision.similarity, reason: decision.reason } : {};

  if (verifier === undefined) {
    const result = await call.doStream();
    return {
      ...result,
      stream: result.stream.pipeThrough(
        passThrough(async (text, stopped) => {
          const stored = stopped && text.trim() !== '' && (await store(text));
          return finish({ path: decision.path === 'skip' ? 'skip' : 'miss', task, reusedSteps: 0, patchedSteps: 0, modelCalls: 1, ...skipFields, stored });
        }),
      ),
    };
  }

  const common = {
    verifier,
    problem,
    input: request.input,
    callModel: streamCaller(model, params, request),
    maxCalls: 1 + options.maxRepairs,
    ...(abortSignal === undefined ? {} : { abortSignal }),
    emit: options.emit,
  };
  return {
    stream: assembledStream(model.modelId, async (write) => {
      if (decision.path === 'patch') {
        const patched = await patchAnswer({ ...common, start: decision.plan, write });
        const stored = patched.complete && (await store(patched.answer));
        return {
          patched,
          metadata: finish({
            path: 'patch',
            task,
            reusedSteps: patched.keptSteps,
            patchedSteps: patched.patchedSteps,
            modelCalls: patched.modelCalls,
            similarity: decision.similarity,
            ...(decision.adaptedSteps > 0 ? { adaptedSteps: decision.adaptedSteps } : {}),
            ...(patched.fallback ? { fallback: true } : {}),
            stored,
          }),
        };
      }
      const patched = await patchAnswer({
        ...common,
        start: { kept: [], rejected: [] },
        original: async () => (await call.doStream()).stream,
        write,
      });
      const stored = patched.complete && (await store(patched.answer));
      return {
        patched,
        metadata: finish({
          path: decision.path === 'skip' ? 'skip' : 'miss',
          task,
          reusedSteps: 0,
          patchedSteps: patched.patchedSteps,
          modelCalls: patched.modelCalls,
          ...skipFields,
          ...(patched.fallback ? { fallback: true } : {}),
          stored,
        }),
      };
    }),
  };
}

/**
 * A stream StepCache writes itself: opening parts, the text `run` releases,
 * then `finish` with StepCache's metadata. A failure inside `run` (a model
 * error, an abort, an unverifiable answer) becomes an `error` part.
 */
function assembledStream(
  modelId: string,
  run: (write: (delta: string) => void) => Promise<{ patched: PatchedAnswer; metadata: StepCacheMetadata }>,
): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    async start(controller) {
      for (const part of openingParts(modelId)) controller.enqueue(part);
      try {
        const { patched, metadata } = await run((delta) => controller.enqueue({ type: 'text-delta', id: TEXT_ID, delta }));
        for (const part of closingParts(patched.usage, metadata)) controller.enqueue(part);
      } catch (error) {
        controller.enqueue({ type: 'error', error });
      }
      controller.close();
    },
  });
}

/**
 * Forwards every part unchanged, collecting the text; at `finish` it asks
 * `onFinish` (given the text and whether the model stopped normally, and
 * never called after an error part) for StepCache's metadata and adds it to
 * the finish part's provider metadata.
 */
function passThrough(
  onFinish: (text: string, stopped: boolean) => Promise<StepCacheMetadata>,
): TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  let text = '';
  let failed = false;
  return new TransformStream({
    async transform(part, controller) {
      if (part.type === 'text-delta') text += part.delta;
      if (part.type === 'error') failed = true;
      if (part.type !== 'finish') {
        controller.enqueue(part);
        return;
      }
      const metadata = await onFinish(text, !failed && part.finishReason.unified === 'stop');
      controller.enqueue({
        ...part,
        providerMetadata: { ...part.providerMetadata, stepcache: toProviderMetadata(metadata) },
      });
    },
  });
}

