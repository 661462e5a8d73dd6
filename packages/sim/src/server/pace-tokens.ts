import type { SimOutcome } from '../engine/simulate';
import { tokenTimeMs } from '../latency/latency-model';
import { createPacer } from '../pacing/pacer';

/** Yields the outcome's tokens at their simulated times × `timeScale`; rejects on abort. */
export async function* paceTokens(outcome: SimOutcome, timeScale: number, signal: AbortSignal): AsyncGenerator<string> {
  const pacer = createPacer(timeScale, signal);
  for (let i = 0; i < outcome.tokens.length; i++) {
    await pacer.waitUntil(tokenTimeMs(outcome.latency, i));
    yield outcome.tokens[i] as string;
  }
  await pacer.waitUntil(outcome.latency.totalMs);
}

/** Waits the whole simulated latency (non-streaming responses). */
export async function waitWhole(outcome: SimOutcome, timeScale: number, signal: AbortSignal): Promise<void> {
  await createPacer(timeScale, signal).waitUntil(outcome.latency.totalMs);
}
