import type { LanguageModelV4 } from '@ai-sdk/provider';
import { StepCacheError, stepCacheMiddleware } from '@stepcache/middleware';
import { simulatedModel } from '@stepcache/sim';
import { generateText, NoObjectGeneratedError, wrapLanguageModel } from 'ai';
import { outputOf } from '../run/run-request';
import { generateWorkload } from '../workload/generate-workload';
import type { BenchRequest } from '../workload/workload-request';

/** A StepCache model (defaults, simulated backend that never waits) warmed with a workload. */
export interface WarmStepCache {
  readonly model: LanguageModelV4;
  /** Requests of the workload that StepCache answered on the reuse path (no model call). */
  readonly reuseRequests: readonly BenchRequest[];
  /**
   * Wall time of those requests when they were first answered (ms): the first
   * hit of a request on a cached entry, judged from scratch.
   */
  readonly firstHitMs: readonly number[];
}

/**
 * Sends one request through `generateText`; returns the StepCache path, or
 * undefined when no answer came back (the SDK could not parse one, or
 * StepCache refused an answer it could not verify).
 */
export async function stepCachePath(model: LanguageModelV4, request: BenchRequest): Promise<string | undefined> {
  const output = outputOf(request);
  try {
    const result = await generateText({
      model,
      ...(request.system === undefined ? {} : { system: request.system }),
      prompt: request.prompt,
      maxRetries: 0,
      ...(output === undefined ? {} : { output }),
    });
    return (result.providerMetadata?.stepcache as { path?: string } | undefined)?.path;
  } catch (error) {
    if (NoObjectGeneratedError.isInstance(error) || StepCacheError.isInstance(error)) return undefined;
    throw error;
  }
}

/**
 * Builds StepCache with its defaults in front of the simulated model (time
 * scale 0, so no model time is ever waited), runs one seed's workload
 * through it, and keeps the requests it answered on the reuse path, with the
 * wall time of that first hit. Re-sending those requests exercises the reuse
 * path again: retrieval and stitching run each time (a reused answer is not
 * stored), while the judgement of the cached entry for that request is
 * memoised after the first hit.
 */
export async function warmStepCache(options: { seed: number; basesPerTask: number }): Promise<WarmStepCache> {
  const model = wrapLanguageModel({ model: simulatedModel({ seed: options.seed, timeScale: 0 }), middleware: stepCacheMiddleware() });
  const reuseRequests: BenchRequest[] = [];
  const firstHitMs: number[] = [];
  for (const request of generateWorkload({ seed: options.seed, basesPerTask: options.basesPerTask })) {
    const started = performance.now();
    const path = await stepCachePath(model, request);
    const elapsed = performance.now() - started;
    if (path !== 'reuse') continue;
    reuseRequests.push(request);
    firstHitMs.push(elapsed);
  }
  return { model, reuseRequests, firstHitMs };
}
