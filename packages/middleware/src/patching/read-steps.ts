import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { zeroUsage } from '../report/token-usage';

/** What reading one model stream produced. */
export interface ReadStepsResult {
  /** False when `accept` refused a step (the model stream was then cancelled). */
  readonly allAccepted: boolean;
  /** Usage from the stream's `finish` part; zero when the stream was cut before it. */
  readonly usage: LanguageModelV4Usage;
  /** The unified finish reason, or `other` when the stream was cut before it. */
  readonly finishReason: string;
}

/**
 * Reads a model stream, parsing its text into steps as it grows and handing
 * each completed step to `accept` in order; every step but the last is
 * complete, and the last one is complete when the stream ends. Stops and
 * cancels the model stream at the first step `accept` refuses. An `error`
 * part is thrown; an abort cancels the stream and throws the abort reason.
 */
export async function readSteps(
  stream: ReadableStream<LanguageModelV4StreamPart>,
  parse: (text: string) => string[],
  accept: (step: string) => boolean,
  abortSignal?: AbortSignal,
): Promise<ReadStepsResult> {
  const reader = stream.getReader();
  let text = '';
  let accepted = 0;
  let usage = zeroUsage();
  let finishReason = 'other';
  const take = (includeLast: boolean): boolean => {
    const steps = parse(text);
    const complete = includeLast ? steps.length : steps.length - 1;
    while (accepted < complete) {
      if (!accept(steps[accepted]!)) return false;
      accepted += 1;
    }
    return true;
  };
  const stop = async (reason?: unknown) => {
    await reader.cancel(reason).catch(() => {});
  };
  try {
    for (;;) {
      if (abortSignal?.aborted === true) {
        await stop(abortSignal.reason);
        abortSignal.throwIfAborted();
      }
      const { value, done } = await reader.read();
      if (done) break;
      if (value.type === 'text-delta') {
        text += value.delta;
        if (!take(false)) {
          await stop();
          return { allAccepted: false, usage, finishReason };
        }
      } else if (value.type === 'finish') {
        usage = value.usage;
        finishReason = value.finishReason.unified;
      } else if (value.type === 'error') {
        await stop();
        throw value.error;
      }
    }
  } finally {
    reader.releaseLock();
  }
  return { allAccepted: take(true), usage, finishReason };
}
