import type { PerturbationKind } from '../workload/workload-request';
import type { RequestRecord } from './request-record';
import { mean, quantile } from './stats';

/** Requests no cache may answer from another prompt's answer: they must reach the model. */
export const MUST_GENERATE: ReadonlySet<PerturbationKind> = new Set(['base', 'semantic', 'free-text', 'negation-trap', 'question-trap']);

/**
 * What a perfect cache could achieve on this workload: every request that
 * may be reused (constants, rename, schema-keys and source variants, exact
 * repeats) answered at zero cost, every other request at its no-cache cost.
 * Speed-ups and savings are relative to the no-cache records.
 */
export interface WorkloadBound {
  /** Share of requests that must reach the model. */
  readonly mustGenerateShare: number;
  readonly meanSpeedup: number;
  readonly p95Speedup: number;
  readonly tokenSaving: number;
}

/** Computes the bound from the no-cache baseline's records. */
export function workloadBound(noCache: readonly RequestRecord[]): WorkloadBound {
  const must = (r: RequestRecord) => MUST_GENERATE.has(r.kind);
  const latency = noCache.map((r) => r.latencyMs);
  const ideal = noCache.map((r) => (must(r) ? r.latencyMs : 0));
  const tokens = (rs: readonly RequestRecord[]) => rs.reduce((a, r) => a + r.inputTokens + r.outputTokens, 0);
  return {
    mustGenerateShare: noCache.filter(must).length / noCache.length,
    meanSpeedup: mean(latency) / mean(ideal),
    p95Speedup: quantile(latency, 0.95) / quantile(ideal, 0.95),
    tokenSaving: 1 - tokens(noCache.filter(must)) / tokens(noCache),
  };
}
