import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { streamCaller } from '../model-call/model-caller';
import type { ResolvedOptions } from '../options/resolve-options';
import type { PatchedAnswer } from '../patching/patch-answer';
import { patchAnswer } from '../patching/patch-answer';
import { repairBound } from '../patching/repair-bound';
import { readFreshAnswer } from '../patching/settle-fresh-answer';
import { bypassMetadata, freshMetadata, patchMetadata, reuseMetadata } from '../report/path-metadata';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { toProviderMetadata } from '../report/stepcache-metadata';
import { zeroUsage } from '../report/token-usage';
import { beginRequest } from '../request/begin-request';
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
 *   verify, with repair and fallback inside the stream (with `streamMisses:
 *   'passthrough'`, the model's stream passes through untouched and is stored
 *   only if it verifies);
 * - free text and bypass: the model's stream passes through untouched; free
 *   text is stored after a `finish` with reason `stop`.
 * Nothing is stored from a stream that errored, was aborted or was cut off.
 */
export async function streamWithCache(options: ResolvedOptions, call: StreamCall): Promise<LanguageModelV4StreamResult> {
  const { params, model } = call;
  const start = await beginRequest(options, params, model);
  if (start.kind === 'bypass') {
    const result = await call.doStream();
    const metadata = start.finish(bypassMetadata(start.reason));
    return { ...result, stream: result.stream.pipeThrough(passThrough(() => Promise.resolve(metadata))) };
  }

  const { prepared, decision, finish, store } = start;
  const { request, classification } = prepared;
  const abortSignal = params.abortSignal;

  if (decision.path === 'reuse') {
    const metadata = finish(reuseMetadata(classification, decision));
    return {
      stream: streamOf([
        ...openingParts(model.modelId),
        { type: 'text-delta', id: TEXT_ID, delta: decision.answer },
        ...closingParts(zeroUsage(), metadata),
      ]),
    };
  }

  const { verifier, problem } = classification;
  // Only read on the miss and skip paths (a patch always has a verifier).
  const fresh = decision.path === 'skip' ? decision : ({ path: 'miss' } as const);
  // Free text, and with `streamMisses: 'passthrough'` a miss or skip of a verifiable task: the
  // model's stream as it comes, stored after a clean finish when it is an answer worth keeping.
  if (verifier === undefined || (decision.path !== 'patch' && options.streamMisses === 'passthrough')) {
    const result = await call.doStream();
    return {
      ...result,
      stream: result.stream.pipeThrough(
        passThrough(async (text, stopped) => {
          const answer = verifier === undefined ? (text.trim() === '' ? undefined : text) : readFreshAnswer(verifier, problem, text).answer;
          const stored = stopped && answer !== undefined && (await store(answer));
          const metadata = freshMetadata(classification, fresh, { patched: [], modelCalls: 1, fallback: false }, stored);
          return finish(verifier === undefined ? metadata : { ...metadata, verified: answer !== undefined });
        }),
      ),
    };
  }

  const patchOptions = {
    verifier,
    problem,
    input: request.input,
    callModel: streamCaller(model, params, request),
    maxCalls: 1 + repairBound(options.maxRepairs, verifier),
    ...(abortSignal === undefined ? {} : { abortSignal }),
    emit: options.emit,
  };
  return {
    stream: assembledStream(model.modelId, async (write) => {
      if (decision.path === 'patch') {
        const patched = await patchAnswer({ ...patchOptions, start: decision.plan, write });
        const stored = patched.complete && (await store(patched.answer));
        return { patched, metadata: finish(patchMetadata(classification, decision, patched, stored)) };
      }
      // A miss or skip: the model's own stream is read first, its steps released as they verify.
      const patched = await patchAnswer({
        ...patchOptions,
        start: { kept: [], rejected: [] },
        original: async () => (await call.doStream()).stream,
        write,
      });
      const stored = patched.complete && (await store(patched.answer));
      return { patched, metadata: finish(freshMetadata(classification, fresh, patched, stored)) };
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

