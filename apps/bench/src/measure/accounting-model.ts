import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { CallLedger } from './call-ledger';
import { fromSimulator, simulatedLatency, usageTokens } from './call-ledger';

/**
 * Wraps a backend model so every call that reaches it is recorded in
 * `ledger`: tokens from its usage, simulated model time from the simulator's
 * metadata, and wall time. Placed *under* each system's cache, it sees
 * exactly the calls that system made — first generations and every patch or
 * repair call — and nothing a cache answered by itself. A response that
 * carries the simulator's header is marked, so a "real" backend URL that
 * points at the simulator is reported as SIMULATED.
 */
export function accountingModel(model: LanguageModelV4, ledger: CallLedger): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    get supportedUrls() {
      return model.supportedUrls;
    },
    async doGenerate(options) {
      const started = performance.now();
      const result = await model.doGenerate(options);
      const simulatedMs = simulatedLatency(result.providerMetadata, result.response?.body);
      ledger.record({
        kind: 'generate',
        ...usageTokens(result.usage),
        ...(simulatedMs === undefined ? {} : { simulatedMs }),
        wallMs: performance.now() - started,
        ...(fromSimulator(result.response?.headers) ? { simulatedServer: true } : {}),
      });
      return result;
    },
    async doStream(options) {
      const started = performance.now();
      const result = await model.doStream(options);
      let recorded = false;
      const record = (part?: Extract<LanguageModelV4StreamPart, { type: 'finish' }>) => {
        if (recorded) return;
        recorded = true;
        const simulatedMs = simulatedLatency(part?.providerMetadata);
        ledger.record({
          kind: 'stream',
          ...usageTokens(part?.usage),
          ...(simulatedMs === undefined ? {} : { simulatedMs }),
          wallMs: performance.now() - started,
          ...(fromSimulator(result.response?.headers) ? { simulatedServer: true } : {}),
        });
      };
      const stream = result.stream.pipeThrough(
        new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
          transform(part, controller) {
            if (part.type === 'finish') record(part);
            controller.enqueue(part);
          },
          flush() {
            record();
          },
        }),
      );
      return { ...result, stream };
    },
  };
}
