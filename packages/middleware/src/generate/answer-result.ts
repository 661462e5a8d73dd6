import type { LanguageModelV4Content, LanguageModelV4GenerateResult, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { toProviderMetadata } from '../report/stepcache-metadata';

/** A generate result for an answer StepCache assembled (reused or patched). */
export function answerResult(
  answer: string,
  usage: LanguageModelV4Usage,
  metadata: StepCacheMetadata,
  modelId: string,
): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'text', text: answer }],
    finishReason: { unified: 'stop', raw: undefined },
    usage,
    providerMetadata: { stepcache: toProviderMetadata(metadata) },
    response: { timestamp: new Date(), modelId },
    warnings: [],
  };
}

/**
 * The model's own result with StepCache's metadata added and, when StepCache
 * repaired the answer, its text replaced (other content such as reasoning is
 * kept).
 */
export function modelResult(
  result: LanguageModelV4GenerateResult,
  metadata: StepCacheMetadata,
  replacement?: { answer: string; usage: LanguageModelV4Usage },
): LanguageModelV4GenerateResult {
  const providerMetadata = { ...result.providerMetadata, stepcache: toProviderMetadata(metadata) };
  if (replacement === undefined) return { ...result, providerMetadata };
  const content: LanguageModelV4Content[] = result.content.filter((part) => part.type !== 'text');
  const firstText = result.content.findIndex((part) => part.type === 'text');
  // Parts before the first text part are all non-text, so its index is unchanged by the filter.
  content.splice(firstText === -1 ? content.length : firstText, 0, { type: 'text', text: replacement.answer });
  return {
    ...result,
    content,
    ...(result.structuredOutputText === undefined ? {} : { structuredOutputText: replacement.answer }),
    finishReason: { unified: 'stop', raw: result.finishReason.raw },
    usage: replacement.usage,
    providerMetadata,
  };
}
