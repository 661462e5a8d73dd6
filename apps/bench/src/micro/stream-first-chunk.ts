import type { LanguageModelV4 } from '@ai-sdk/provider';
import { simulatedModel } from '@stepcache/sim';
import { streamText, wrapLanguageModel } from 'ai';
import { exactMatchCacheMiddleware } from '../systems/exact-match-cache';
import type { BenchRequest } from '../workload/workload-request';
import type { LatencyFigures } from './latency-figures';
import { latencyFigures } from './latency-figures';
import type { WarmStepCache } from './warm-stepcache';

/** Streamed cache hits: time to the first text chunk and to the end of the stream. */
export interface StreamHitFigures {
  /** StepCache reuse hits through `streamText`. */
  readonly stepcache: { readonly firstChunk: LatencyFigures; readonly complete: LatencyFigures; readonly offPath: number };
  /** The AI SDK recipe's exact-match cache replaying a hit (10 ms per chunk). */
  readonly exactMatch: { readonly firstChunk: LatencyFigures; readonly complete: LatencyFigures };
}

async function timeStream(model: LanguageModelV4, request: BenchRequest): Promise<{ firstChunk: number; complete: number; path?: string }> {
  const started = performance.now();
  const result = streamText({ model, ...(request.system === undefined ? {} : { system: request.system }), prompt: request.prompt, maxRetries: 0 });
  let firstChunk = Number.NaN;
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta' && Number.isNaN(firstChunk)) firstChunk = performance.now() - started;
  }
  const complete = performance.now() - started;
  const metadata = await result.providerMetadata;
  const path = (metadata?.stepcache as { path?: string } | undefined)?.path;
  return path === undefined ? { firstChunk, complete } : { firstChunk, complete, path };
}

/**
 * Streams the warmed text reuse requests `rounds` times through StepCache
 * (the first round untimed) and, for comparison, `exactSamples` of them
 * through the exact-match recipe (each prompt streamed once to fill it, then
 * timed on the hit; its replay waits 10 ms per chunk, so it is sampled).
 */
export async function measureStreamHits(
  warm: WarmStepCache,
  options: { rounds: number; seed: number; exactSamples: number },
): Promise<StreamHitFigures> {
  const requests = warm.reuseRequests.filter((r) => r.output.type === 'text');
  const first: number[] = [];
  const complete: number[] = [];
  let offPath = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const request of requests) {
      const t = await timeStream(warm.model, request);
      if (round === 0) continue;
      if (t.path === 'reuse') {
        first.push(t.firstChunk);
        complete.push(t.complete);
      } else {
        offPath += 1;
      }
    }
  }
  const exact = wrapLanguageModel({ model: simulatedModel({ seed: options.seed, timeScale: 0 }), middleware: exactMatchCacheMiddleware() });
  const exactFirst: number[] = [];
  const exactComplete: number[] = [];
  for (const request of requests.slice(0, options.exactSamples)) {
    await timeStream(exact, request);
    const t = await timeStream(exact, request);
    exactFirst.push(t.firstChunk);
    exactComplete.push(t.complete);
  }
  return {
    stepcache: { firstChunk: latencyFigures(first), complete: latencyFigures(complete), offPath },
    exactMatch: { firstChunk: latencyFigures(exactFirst), complete: latencyFigures(exactComplete) },
  };
}
