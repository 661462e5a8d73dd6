import type { SimRequest } from '../engine/sim-request';
import { simulate } from '../engine/simulate';
import type { SimulatedModelOptions } from '../model/options';
import { resolveOptions } from '../model/options';
import type { CalibrationWorkloadOptions } from './workload';
import { createCalibrationWorkload } from './workload';
import type { WorkloadItem } from './workload-item';
import { scoreAnswer } from './score-answer';

/** Figures of one calibration run (all SIMULATED). */
export interface CalibrationReport {
  /** Always true: these figures describe the simulated model, never a real one. */
  simulated: true;
  /** Number of requests. */
  requests: number;
  /** Share of answers judged correct end to end (no cache). */
  correctness: number;
  /** Correct / total per task. */
  byTask: Record<'linear' | 'json', { requests: number; correct: number; correctness: number }>;
  /** Simulated latency, ms. */
  latencyMs: { mean: number; median: number; p95: number };
  /** Mean simulated tokens per request. */
  tokens: { prompt: number; output: number; total: number };
  /** How often each injected error label occurred. */
  injected: Record<string, number>;
}

/** The engine request of a workload item. */
export function itemRequest(item: WorkloadItem): SimRequest {
  if (item.task === 'json') {
    return { messages: item.messages, responseFormat: item.schema ? { type: 'json', schema: item.schema } : { type: 'json' } };
  }
  return { messages: item.messages };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/**
 * Runs the simulated model (no waiting) on a generated workload and scores
 * every answer with {@link scoreAnswer}: the no-cache baseline the defaults
 * are calibrated against.
 */
export function measureCalibration(
  options: { workload?: CalibrationWorkloadOptions; model?: SimulatedModelOptions } = {},
): CalibrationReport {
  const config = resolveOptions(options.model);
  const items = createCalibrationWorkload(options.workload);
  const byTask = { linear: { requests: 0, correct: 0, correctness: 0 }, json: { requests: 0, correct: 0, correctness: 0 } };
  const latencies: number[] = [];
  const injected: Record<string, number> = {};
  let prompt = 0;
  let output = 0;
  for (const item of items) {
    const outcome = simulate(itemRequest(item), config);
    const bucket = byTask[item.task];
    bucket.requests++;
    if (scoreAnswer(item, outcome.text)) bucket.correct++;
    latencies.push(outcome.latency.totalMs);
    prompt += outcome.usage.inputTokens;
    output += outcome.usage.outputTokens;
    for (const label of outcome.injected) injected[label] = (injected[label] ?? 0) + 1;
  }
  for (const bucket of Object.values(byTask)) bucket.correctness = bucket.requests === 0 ? 0 : bucket.correct / bucket.requests;
  const sorted = [...latencies].sort((a, b) => a - b);
  const n = items.length || 1;
  return {
    simulated: true,
    requests: items.length,
    correctness: (byTask.linear.correct + byTask.json.correct) / n,
    byTask,
    latencyMs: { mean: latencies.reduce((a, b) => a + b, 0) / n, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) },
    tokens: { prompt: prompt / n, output: output / n, total: (prompt + output) / n },
    injected,
  };
}
