import { randomUUID } from 'node:crypto';
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { SimOutcome } from '../engine/simulate';
import { simulate } from '../engine/simulate';
import { tokenTimeMs } from '../latency/latency-model';
import { createPacer, throwIfAborted } from '../pacing/pacer';
import { callToRequest } from './call-to-request';
import type { ResolvedSimOptions, SimulatedModelOptions } from './options';
import { resolveOptions } from './options';
import { simMetadata, simUsage } from './sim-metadata';

/** Provider id of the simulated model (always contains `sim`). */
export const SIM_PROVIDER = 'stepcache-sim';

/** A simulated `LanguageModelV4`, with its resolved options and a direct engine entry point. */
export interface SimulatedLanguageModel extends LanguageModelV4 {
  /** The options in force (defaults applied). */
  readonly options: Readonly<ResolvedSimOptions>;
  /** Runs the engine without waiting (what `doGenerate` would answer, with its planned timing). */
  simulate(options: LanguageModelV4CallOptions): SimOutcome;
}

function warningsFor(options: LanguageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  if (options.tools && options.tools.length > 0) {
    warnings.push({ type: 'unsupported', feature: 'tools', details: 'the simulated model never calls tools' });
  }
  return warnings;
}

/**
 * Creates the SIMULATED language model: it reads the task from the whole
 * prompt (linear equations and systems, JSON extraction with or without a
 * schema, continue and repair requests, free text), answers like a small
 * instruction-tuned model with seeded, calibrated errors, and paces its
 * output with a latency model. Every result carries
 * `providerMetadata.sim.simulated = true`.
 *
 * @throws SimError `INVALID_OPTION` when an option is out of range.
 */
export function simulatedModel(options: SimulatedModelOptions = {}): SimulatedLanguageModel {
  const resolved = resolveOptions(options);
  const run = (call: LanguageModelV4CallOptions) => simulate(callToRequest(call), resolved);

  return {
    specificationVersion: 'v4',
    provider: SIM_PROVIDER,
    modelId: resolved.modelId,
    supportedUrls: {},
    options: resolved,
    simulate: run,

    async doGenerate(call): Promise<LanguageModelV4GenerateResult> {
      throwIfAborted(call.abortSignal);
      const outcome = run(call);
      await createPacer(resolved.timeScale, call.abortSignal).waitUntil(outcome.latency.totalMs);
      return {
        content: outcome.text === '' ? [] : [{ type: 'text', text: outcome.text }],
        finishReason: { unified: outcome.finishReason, raw: outcome.finishReason },
        usage: simUsage(outcome),
        providerMetadata: { sim: { ...simMetadata(outcome) } },
        response: { id: `sim-${randomUUID()}`, timestamp: new Date(), modelId: resolved.modelId },
        warnings: warningsFor(call),
      };
    },

    async doStream(call): Promise<LanguageModelV4StreamResult> {
      throwIfAborted(call.abortSignal);
      const outcome = run(call);
      const warnings = warningsFor(call);
      const internal = new AbortController();
      const onAbort = () => internal.abort(call.abortSignal?.reason);
      call.abortSignal?.addEventListener('abort', onAbort, { once: true });
      const pacer = createPacer(resolved.timeScale, internal.signal);
      let cancelled = false;
      const textId = 'text-0';

      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          const pump = async () => {
            controller.enqueue({ type: 'stream-start', warnings });
            controller.enqueue({ type: 'response-metadata', id: `sim-${randomUUID()}`, timestamp: new Date(), modelId: resolved.modelId });
            for (let i = 0; i < outcome.tokens.length; i++) {
              await pacer.waitUntil(tokenTimeMs(outcome.latency, i));
              if (i === 0) controller.enqueue({ type: 'text-start', id: textId });
              controller.enqueue({ type: 'text-delta', id: textId, delta: outcome.tokens[i] as string });
            }
            if (outcome.tokens.length > 0) controller.enqueue({ type: 'text-end', id: textId });
            else await pacer.waitUntil(outcome.latency.totalMs);
            controller.enqueue({
              type: 'finish',
              finishReason: { unified: outcome.finishReason, raw: outcome.finishReason },
              usage: simUsage(outcome),
              providerMetadata: { sim: { ...simMetadata(outcome) } },
            });
            controller.close();
          };
          pump()
            .catch((error: unknown) => {
              if (!cancelled) controller.error(error);
            })
            .finally(() => call.abortSignal?.removeEventListener('abort', onAbort));
        },
        cancel(reason) {
          cancelled = true;
          internal.abort(reason);
        },
      });
      return { stream };
    },
  };
}
