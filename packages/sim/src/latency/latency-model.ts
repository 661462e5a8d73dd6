import type { Rng } from '../random/rng';

/**
 * The simulated latency model: time to first token (TTFT) grows linearly with
 * the prompt, then every output token costs a fixed decode time. All numbers
 * are simulated milliseconds, before `timeScale` is applied.
 */
export interface SimLatencyOptions {
  /** Fixed part of the time to first token, in ms. Default 150. */
  ttftBaseMs: number;
  /** Extra time to first token per prompt token (prefill), in ms. Default 1. */
  ttftPerPromptTokenMs: number;
  /** Decode time per output token after the first, in ms. Default 17.5. */
  perOutputTokenMs: number;
  /**
   * Relative spread of a per-request speed factor drawn uniformly from
   * [1 - jitter, 1 + jitter] (seeded, so repeatable). Default 0.1. 0 disables it.
   */
  jitter: number;
}

/**
 * Defaults, calibrated so the mean simulated latency over the calibration
 * workload (about 42 prompt and 110 output tokens per request: worked
 * solutions of 40-500 tokens, JSON objects of 30-90) is about 2.1 s, like the
 * StepCache paper's CPU no-cache baseline (2.13 s mean, 162.7 tokens per
 * request, which implies roughly 17-19 ms per output token).
 */
export const DEFAULT_LATENCY: Readonly<SimLatencyOptions> = Object.freeze({
  ttftBaseMs: 150,
  ttftPerPromptTokenMs: 1,
  perOutputTokenMs: 17.5,
  jitter: 0.1,
});

/** When each token of one simulated response appears, in simulated ms from the call's start. */
export interface LatencyPlan {
  /** Time to first token, ms. */
  ttftMs: number;
  /** Time at which the last token is out (the whole call), ms. */
  totalMs: number;
  /** Decode time per token for this request (after jitter), ms. */
  perTokenMs: number;
}

/** Plans the simulated timing of one response. */
export function planLatency(
  promptTokens: number,
  outputTokens: number,
  options: SimLatencyOptions,
  rng: Rng,
): LatencyPlan {
  const factor = 1 + options.jitter * (2 * rng.next() - 1);
  const ttftMs = round((options.ttftBaseMs + options.ttftPerPromptTokenMs * promptTokens) * factor);
  const perTokenMs = options.perOutputTokenMs * factor;
  const totalMs = round(ttftMs + perTokenMs * Math.max(0, outputTokens - 1));
  return { ttftMs, totalMs, perTokenMs };
}

/** Simulated time (ms from the call's start) at which token `index` (0-based) is emitted. */
export function tokenTimeMs(plan: LatencyPlan, index: number): number {
  return plan.ttftMs + plan.perTokenMs * index;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
