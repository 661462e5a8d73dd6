import type { LanguageModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { promptKey } from '../keys/prompt-key';
import type { ResolvedOptions } from '../options/resolve-options';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { findCandidate } from '../retrieval/find-candidate';
import type { ReuseDecision } from '../reuse/decide-reuse';
import { decideReuse } from '../reuse/decide-reuse';
import { storeAnswer } from '../storage/store-answer';
import type { PreparedRequest } from './prepare-request';
import { prepareRequest } from './prepare-request';

/** Reports a finished request (the `request` event) and returns its metadata. */
export type FinishRequest = (metadata: StepCacheMetadata) => StepCacheMetadata;

/** A request the cache stays out of. */
export interface BypassStart {
  readonly kind: 'bypass';
  readonly reason: string;
  readonly finish: FinishRequest;
}

/** A cacheable request, looked up and judged. */
export interface CacheableStart {
  readonly kind: 'cacheable';
  readonly prepared: PreparedRequest;
  readonly decision: ReuseDecision;
  readonly finish: FinishRequest;
  /** Stores a verified answer for this request; false when it was not written. */
  readonly store: (answer: string) => Promise<boolean>;
}

/**
 * The part of the request path `generateText` and `streamText` share:
 * classify the call (or bypass it), look up the nearest cached request in its
 * partition and decide between reuse, patch, skip and miss. A skip is
 * reported through the `skip` event here.
 */
export async function beginRequest(
  options: ResolvedOptions,
  params: LanguageModelV4CallOptions,
  model: LanguageModelV4,
): Promise<BypassStart | CacheableStart> {
  const startedAt = performance.now();
  const finish: FinishRequest = (metadata) => {
    options.emit({ type: 'request', metadata, durationMs: performance.now() - startedAt });
    return metadata;
  };
  const prepared = await prepareRequest(params, model, options);
  if (prepared.kind === 'bypass') return { kind: 'bypass', reason: prepared.reason, finish };

  const prompt = prepared.request.input.prompt;
  const key = await promptKey(prompt);
  const abortSignal = params.abortSignal;
  const lookup = await findCandidate(options, {
    partition: prepared.partition,
    promptKey: key,
    prompt,
    ...(abortSignal === undefined ? {} : { abortSignal }),
  });
  const decision = decideReuse(prepared, lookup.candidate);
  if (decision.path === 'skip') {
    options.emit({ type: 'skip', task: prepared.classification.task, reason: decision.reason, similarity: decision.similarity });
  }
  return {
    kind: 'cacheable',
    prepared,
    decision,
    finish,
    store: (answer) => storeAnswer(options, prepared, { promptKey: key, embedding: lookup.embedding, answer }),
  };
}
