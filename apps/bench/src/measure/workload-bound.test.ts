import { describe, expect, it } from 'vitest';
import type { PerturbationKind } from '../workload/workload-request';
import type { RequestRecord } from './request-record';
import { workloadBound } from './workload-bound';

function record(kind: PerturbationKind, latencyMs: number, tokens: number): RequestRecord {
  return {
    seed: 1, id: kind, group: 'g', family: 'linear', kind, graded: true, mustNotReuse: false, system: 'no-cache', path: 'miss',
    latencyMs, wallMs: 0, modelMs: latencyMs, modelCalls: 1, inputTokens: tokens, outputTokens: 0,
    check: { taskCheck: true, finalAnswer: true, correct: true }, servedFromCache: false, answer: '',
  };
}

describe('workloadBound', () => {
  it('prices reusable requests at zero and the rest at their no-cache cost', () => {
    const bound = workloadBound([record('base', 1000, 100), record('constants', 1000, 100), record('rename', 1000, 100), record('semantic', 1000, 100)]);
    expect(bound.mustGenerateShare).toBe(0.5);
    expect(bound.meanSpeedup).toBe(2);
    expect(bound.tokenSaving).toBe(0.5);
    expect(bound.p95Speedup).toBe(1);
  });
});
