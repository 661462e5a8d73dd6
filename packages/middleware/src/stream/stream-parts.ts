import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { StepCacheMetadata } from '../report/stepcache-metadata';
import { toProviderMetadata } from '../report/stepcache-metadata';

/** Id of the one text block StepCache writes in streams it assembles. */
export const TEXT_ID = 'stepcache-text';

/** The parts that open a stream StepCache assembles. */
export function openingParts(modelId: string): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', modelId, timestamp: new Date() },
    { type: 'text-start', id: TEXT_ID },
  ];
}

/** The parts that close a stream StepCache assembles. */
export function closingParts(usage: LanguageModelV4Usage, metadata: StepCacheMetadata): LanguageModelV4StreamPart[] {
  return [
    { type: 'text-end', id: TEXT_ID },
    {
      type: 'finish',
      finishReason: { unified: 'stop', raw: undefined },
      usage,
      providerMetadata: { stepcache: toProviderMetadata(metadata) },
    },
  ];
}

/** A stream that sends `parts` at once, with no artificial delay. */
export function streamOf(parts: readonly LanguageModelV4StreamPart[]): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}
