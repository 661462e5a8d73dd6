import type { LanguageModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { Classification } from '../classify/classify-task';
import { classifyTask } from '../classify/classify-task';
import type { ResolvedOptions } from '../options/resolve-options';
import { readCallOptions } from './call-options';
import { partitionKey } from './partition-key';
import type { ParsedRequest } from './task-input';
import { bypassReason, parseRequest } from './task-input';

/** Everything the cache needs to know about a cacheable call. */
export interface PreparedRequest {
  readonly kind: 'cacheable';
  readonly request: ParsedRequest;
  readonly classification: Classification;
  /** Partition of the store this call reads and writes. */
  readonly partition: string;
}

/** A call the cache stays out of. */
export interface BypassedRequest {
  readonly kind: 'bypass';
  readonly reason: string;
}

/**
 * Classifies a call and derives its cache partition, or says why it bypasses
 * the cache. Throws `StepCacheError` (`INVALID_ARGUMENT`) for malformed
 * `providerOptions.stepcache`.
 */
export async function prepareRequest(
  params: LanguageModelV4CallOptions,
  model: LanguageModelV4,
  options: ResolvedOptions,
): Promise<PreparedRequest | BypassedRequest> {
  const callOptions = readCallOptions(params);
  if (callOptions.bypass === true) return { kind: 'bypass', reason: 'providerOptions.stepcache.bypass is set' };
  const reason = bypassReason(params);
  if (reason !== undefined) return { kind: 'bypass', reason };

  const request = parseRequest(params);
  const classification = classifyTask(options.verifiers, request.input, (error) =>
    options.emit({ type: 'error', stage: 'verifier', error }),
  );
  const partition = await partitionKey({
    embedder: options.embedder.id,
    provider: model.provider,
    modelId: model.modelId,
    scope: options.scope(params) ?? '',
    request,
    schemaJudged: classification.verifier?.judgesSchema === true,
  });
  return { kind: 'cacheable', request, classification, partition };
}
