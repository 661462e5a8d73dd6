import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { SimOutcome } from '../engine/simulate';

/**
 * What every simulated response reports under `providerMetadata.sim`:
 * `simulated: true` always, and the simulated timing (before `timeScale`),
 * so a benchmark can account virtual time even when nothing waited.
 */
export interface SimResponseMetadata {
  /** Always true: this answer came from the simulated model, not a real LLM. */
  simulated: true;
  /** Simulated latency of the whole response, ms. */
  latencyMs: number;
  /** Simulated time to first token, ms. */
  ttftMs: number;
  /** The seed the response was drawn from. */
  seed: number;
  /** The task the simulated model recognised (`linear`, `linear-continue`, `json`, `json-repair`, `text`). */
  task: string;
  /** Errors it injected on purpose (analysis only; a cache must not rely on it). */
  injected: string[];
}

/** The `providerMetadata.sim` object of an outcome. */
export function simMetadata(outcome: SimOutcome): SimResponseMetadata {
  return {
    simulated: true,
    latencyMs: outcome.latency.totalMs,
    ttftMs: outcome.latency.ttftMs,
    seed: outcome.seed,
    task: outcome.task,
    injected: outcome.injected,
  };
}

/** AI SDK usage of an outcome (no prompt caching is simulated). */
export function simUsage(outcome: SimOutcome): LanguageModelV4Usage {
  return {
    inputTokens: { total: outcome.usage.inputTokens, noCache: outcome.usage.inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outcome.usage.outputTokens, text: outcome.usage.outputTokens, reasoning: 0 },
    raw: { inputTokens: outcome.usage.inputTokens, outputTokens: outcome.usage.outputTokens },
  };
}
