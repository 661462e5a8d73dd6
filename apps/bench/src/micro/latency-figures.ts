import { mean, quantile } from '../measure/stats';

/** Percentiles of a timed sample, ms. */
export interface LatencyFigures {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

/** Summarises timings (ms). */
export function latencyFigures(timings: readonly number[]): LatencyFigures {
  return { samples: timings.length, p50Ms: quantile(timings, 0.5), p99Ms: quantile(timings, 0.99), meanMs: mean(timings) };
}
