import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { SimRequest } from '../engine/sim-request';
import { fromLanguageModelPrompt } from '../prompt/from-language-model-prompt';

/** Maps AI SDK call options to the engine's request. */
export function callToRequest(options: LanguageModelV4CallOptions): SimRequest {
  const request: SimRequest = { messages: fromLanguageModelPrompt(options.prompt) };
  const format = options.responseFormat;
  if (format?.type === 'json') request.responseFormat = format.schema ? { type: 'json', schema: format.schema } : { type: 'json' };
  if (options.maxOutputTokens !== undefined) request.maxOutputTokens = options.maxOutputTokens;
  if (options.seed !== undefined) request.seed = options.seed;
  if (options.stopSequences !== undefined) request.stopSequences = options.stopSequences;
  return request;
}
