import type { LanguageModelV4Usage, SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { SIMULATED_HEADER } from '@stepcache/sim';

/** One call the benchmark saw reach the backend model. */
export interface ModelCallRecord {
  /** `doGenerate` or `doStream`. */
  readonly kind: 'generate' | 'stream';
  /** Prompt tokens the backend reported (0 when it reported none). */
  readonly inputTokens: number;
  /** Output tokens the backend reported. */
  readonly outputTokens: number;
  /** Simulated model time the backend reported, in ms (sim backends only). */
  readonly simulatedMs?: number;
  /** Wall time of the call, in ms. */
  readonly wallMs: number;
  /** True when the response said it came from the StepCache simulator (`x-stepcache-simulated: true`). */
  readonly simulatedServer?: boolean;
}

/** The model calls made for one request, summed. */
export interface RequestCalls {
  readonly calls: readonly ModelCallRecord[];
  readonly modelCalls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Sum of the calls' simulated model time, ms (0 when the backend reports none). */
  readonly simulatedMs: number;
  /** True when any call was answered by the StepCache simulator over HTTP. */
  readonly simulatedServer: boolean;
}

/**
 * Collects the backend calls of the request in flight. Requests of one
 * system run one at a time, so `begin` / `end` bracket exactly the calls a
 * request caused: the first generation and every patch, repair or
 * continuation call the cache made.
 */
export class CallLedger {
  private current: ModelCallRecord[] = [];

  /** Starts a new request. */
  begin(): void {
    this.current = [];
  }

  /** Records one finished backend call. */
  record(call: ModelCallRecord): void {
    this.current.push(call);
  }

  /** Ends the request and returns its calls, summed. */
  end(): RequestCalls {
    const calls = this.current;
    this.current = [];
    return {
      calls,
      modelCalls: calls.length,
      inputTokens: calls.reduce((a, c) => a + c.inputTokens, 0),
      outputTokens: calls.reduce((a, c) => a + c.outputTokens, 0),
      simulatedMs: calls.reduce((a, c) => a + (c.simulatedMs ?? 0), 0),
      simulatedServer: calls.some((c) => c.simulatedServer === true),
    };
  }
}

/** Input and output token totals of a usage object (missing counts as 0). */
export function usageTokens(usage: LanguageModelV4Usage | undefined): { inputTokens: number; outputTokens: number } {
  return { inputTokens: usage?.inputTokens.total ?? 0, outputTokens: usage?.outputTokens.total ?? 0 };
}

function latencyFrom(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const sim = (value as { sim?: unknown }).sim;
  if (typeof sim !== 'object' || sim === null) return undefined;
  const latency = (sim as { latencyMs?: unknown }).latencyMs;
  return typeof latency === 'number' && Number.isFinite(latency) ? latency : undefined;
}

/**
 * The simulated model time of a backend response, in ms: the in-process
 * simulator reports it as `providerMetadata.sim.latencyMs`; over HTTP the
 * simulator puts the same object in the response body (`sim.latencyMs`).
 * Undefined for real backends.
 */
export function simulatedLatency(providerMetadata: SharedV4ProviderMetadata | undefined, responseBody?: unknown): number | undefined {
  return latencyFrom(providerMetadata) ?? latencyFrom(responseBody);
}

/** Whether response headers say the answer came from the StepCache simulator. */
export function fromSimulator(headers: Record<string, string | undefined> | undefined): boolean {
  if (headers === undefined) return false;
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === SIMULATED_HEADER && value === 'true');
}
