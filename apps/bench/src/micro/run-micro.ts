import type { ReuseOverhead } from './reuse-overhead';
import { measureReuseOverhead } from './reuse-overhead';
import type { StoreLookupFigures } from './store-lookup';
import { measureStoreLookup } from './store-lookup';
import type { StreamHitFigures } from './stream-first-chunk';
import { measureStreamHits } from './stream-first-chunk';
import { warmStepCache } from './warm-stepcache';

/** Settings of the micro-benchmarks. */
export interface MicroOptions {
  /** Seed of the workload that warms the cache. */
  readonly seed: number;
  /** Base prompts per task of that workload. */
  readonly basesPerTask: number;
  /** Timed `generateText` calls on the reuse path. */
  readonly iterations: number;
  /** Store sizes for the lookup benchmark. */
  readonly storeSizes: readonly number[];
  /** Searches timed per store size. */
  readonly queries: number;
  /** Streamed exact-match hits timed (each replays at 10 ms per chunk). */
  readonly exactStreamSamples: number;
  /** Called before each part, for progress output. */
  readonly onStage?: (stage: string) => void;
}

/** Results of the micro-benchmarks (wall-clock on this machine; no model time involved). */
export interface MicroResults {
  readonly reuseOverhead: ReuseOverhead;
  readonly streamHits: StreamHitFigures;
  readonly storeLookup: readonly StoreLookupFigures[];
}

/** Runs the reuse-overhead, streamed-hit and store-lookup micro-benchmarks. */
export async function runMicro(options: MicroOptions): Promise<MicroResults> {
  options.onStage?.('warming StepCache for the reuse micro-benchmarks');
  const warm = await warmStepCache({ seed: options.seed, basesPerTask: options.basesPerTask });
  options.onStage?.(`reuse-hit overhead (${options.iterations} calls)`);
  const reuseOverhead = await measureReuseOverhead(warm, { iterations: options.iterations, warmup: Math.min(200, options.iterations) });
  options.onStage?.('streamed time to first chunk on hits');
  const streamHits = await measureStreamHits(warm, { rounds: 4, seed: options.seed, exactSamples: options.exactStreamSamples });
  const storeLookup: StoreLookupFigures[] = [];
  for (const entries of options.storeSizes) {
    options.onStage?.(`store lookup at ${entries.toLocaleString('en-US')} entries`);
    storeLookup.push(await measureStoreLookup({ entries, queries: options.queries }));
  }
  return { reuseOverhead, streamHits, storeLookup };
}
