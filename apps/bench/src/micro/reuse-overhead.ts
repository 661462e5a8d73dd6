import { generateText } from 'ai';
import type { LatencyFigures } from './latency-figures';
import { latencyFigures } from './latency-figures';
import { forceGc } from './force-gc';
import { instantModel } from './instant-model';
import type { WarmStepCache } from './warm-stepcache';
import { stepCachePath } from './warm-stepcache';

/** Wall time of `generateText` on StepCache's reuse path, against the SDK's own floor. */
export interface ReuseOverhead {
  /**
   * `generateText` on repeated reuse hits: retrieval, stitching and the SDK,
   * with the entry's judgement for the request memoised; no model time.
   */
  readonly reuseHit: LatencyFigures;
  /**
   * `generateText` on the first hit of each request during the warm-up run:
   * retrieval, adaptation and verification of every step from scratch.
   */
  readonly firstHit: LatencyFigures;
  /** `generateText` on a model that answers at once, without any cache: the SDK's floor. */
  readonly sdkFloor: LatencyFigures;
  /** Distinct reuse requests cycled through. */
  readonly distinctRequests: number;
  /** Timed calls that did not take the reuse path (excluded from the figures). */
  readonly offPath: number;
}

/**
 * Times `iterations` `generateText` calls cycling through the warmed reuse
 * requests (after `warmup` untimed calls), and as many calls on an instant
 * model without a cache.
 */
export async function measureReuseOverhead(warm: WarmStepCache, options: { iterations: number; warmup: number }): Promise<ReuseOverhead> {
  const requests = warm.reuseRequests;
  const timings: number[] = [];
  let offPath = 0;
  // Start from a clean heap so garbage left by the warm-up run is not billed to the first timed calls.
  const gc = forceGc();
  if (requests.length > 0) {
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      if (i === options.warmup) gc?.();
      const request = requests[i % requests.length];
      if (!request) continue;
      const started = performance.now();
      const path = await stepCachePath(warm.model, request);
      const elapsed = performance.now() - started;
      if (i < options.warmup) continue;
      if (path === 'reuse') timings.push(elapsed);
      else offPath += 1;
    }
  }
  const floor: number[] = [];
  const model = instantModel();
  gc?.();
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    const started = performance.now();
    await generateText({ model, prompt: 'Solve for x: 2x + 3 = 7', maxRetries: 0 });
    if (i >= options.warmup) floor.push(performance.now() - started);
  }
  return {
    reuseHit: latencyFigures(timings),
    firstHit: latencyFigures([...warm.firstHitMs]),
    sdkFloor: latencyFigures(floor),
    distinctRequests: requests.length,
    offPath,
  };
}
