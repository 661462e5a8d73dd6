import { generateText, jsonSchema, NoObjectGeneratedError, Output } from 'ai';
import { checkAnswer } from '../measure/check-answer';
import type { RequestRecord } from '../measure/request-record';
import type { BenchSystem } from '../systems/bench-system';
import type { BenchRequest } from '../workload/workload-request';

/** How requests are sent and timed. */
export interface RequestSettings {
  /** Add the backend's simulated model time to the wall time (virtual time). */
  readonly virtualTime: boolean;
  /** AI SDK retries on provider errors. */
  readonly maxRetries: number;
}

/** The AI SDK `output` of a request: `Output.object` with its schema, `Output.json`, or none for text. */
export function outputOf(request: BenchRequest) {
  if (request.output.type === 'object') return Output.object({ schema: jsonSchema(request.output.schema) });
  if (request.output.type === 'json') return Output.json();
  return undefined;
}

/**
 * Sends one request to one system through `generateText` (with
 * `Output.object` / `Output.json` for JSON tasks, as an application would),
 * and measures it: wall time, the backend calls the system made, the path
 * it took, and the independent correctness checks. Structured output the SDK
 * cannot parse is kept as text and judged like any other answer.
 */
export async function runRequest(system: BenchSystem, request: BenchRequest, settings: RequestSettings): Promise<RequestRecord> {
  const output = outputOf(request);
  system.ledger.begin();
  let text = '';
  let providerMetadata: Record<string, unknown> | undefined;
  let error: string | undefined;
  const started = performance.now();
  try {
    const result = await generateText({
      model: system.model,
      ...(request.system === undefined ? {} : { system: request.system }),
      prompt: request.prompt,
      maxRetries: settings.maxRetries,
      ...(output === undefined ? {} : { output }),
    });
    text = result.text;
    providerMetadata = result.providerMetadata;
  } catch (caught) {
    if (NoObjectGeneratedError.isInstance(caught)) text = caught.text ?? '';
    else error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  }
  const wallMs = performance.now() - started;
  const calls = system.ledger.end();
  const outcome = system.takeOutcome(providerMetadata);
  const servedFromCache = outcome.path === 'reuse' || outcome.path === 'hit';
  const fromCache = outcome.path === 'reuse' || outcome.path === 'patch' || outcome.path === 'hit';
  const check = checkAnswer(request, text, fromCache && outcome.cachedPrompt !== undefined ? { cachedPrompt: outcome.cachedPrompt } : {});
  return {
    seed: request.seed,
    id: request.id,
    group: request.group,
    family: request.family,
    kind: request.kind,
    graded: request.graded,
    mustNotReuse: request.mustNotReuse,
    system: system.id,
    path: outcome.path,
    latencyMs: wallMs + (settings.virtualTime ? calls.simulatedMs : 0),
    wallMs,
    modelMs: calls.simulatedMs,
    modelCalls: calls.modelCalls,
    ...(calls.simulatedServer ? { simulatedServer: true } : {}),
    inputTokens: calls.inputTokens,
    outputTokens: calls.outputTokens,
    check,
    servedFromCache,
    ...(fromCache && outcome.cachedPrompt !== undefined ? { cachedPrompt: outcome.cachedPrompt } : {}),
    ...(outcome.task === undefined ? {} : { cacheTask: outcome.task }),
    ...(outcome.reason === undefined ? {} : { cacheReason: outcome.reason }),
    answer: text,
    ...(error === undefined ? {} : { error }),
  };
}
