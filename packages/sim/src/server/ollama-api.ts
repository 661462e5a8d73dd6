import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONSchema7 } from '@ai-sdk/provider';
import type { SimMessage, SimRequest } from '../engine/sim-request';
import type { SimOutcome } from '../engine/simulate';
import { simMetadata } from '../model/sim-metadata';
import { badRequest, readJsonBody, sendJson, SIM_HEADERS } from './http-io';
import { paceTokens, waitWhole } from './pace-tokens';
import type { SimEngine } from './sim-engine';
import { contentText, optionalBoolean, optionalCount, optionalNumber, optionalObject, optionalStops, requireString } from './validate-fields';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/** Version reported by `GET /api/version` (marks the server as simulated). */
export const SIM_OLLAMA_VERSION = '0.0.0-stepcache-sim';

/** `GET /api/tags`: the one simulated model. */
export function ollamaTags(engine: SimEngine): unknown {
  const name = engine.options.modelId.includes(':') ? engine.options.modelId : `${engine.options.modelId}:latest`;
  return {
    models: [
      {
        name,
        model: name,
        modified_at: new Date(0).toISOString(),
        size: 0,
        digest: 'stepcache-sim',
        details: {
          parent_model: '',
          format: 'simulated',
          family: 'stepcache-sim',
          families: ['stepcache-sim'],
          parameter_size: 'simulated',
          quantization_level: 'none',
        },
      },
    ],
  };
}

/** Reads an Ollama `/api/chat` body into an engine request (400 naming the field when malformed). */
export function ollamaChatRequest(body: Record<string, unknown>): { model: string; stream: boolean; request: SimRequest } {
  const model = requireString(body, 'model');
  const rawMessages = body.messages;
  if (!Array.isArray(rawMessages)) throw badRequest('messages', 'must be an array');
  const messages: SimMessage[] = rawMessages.map((m: unknown, i) => {
    if (typeof m !== 'object' || m === null) throw badRequest(`messages[${i}]`, 'must be an object');
    const { role, content } = m as { role?: unknown; content?: unknown };
    if (typeof role !== 'string' || !ROLES.has(role)) throw badRequest(`messages[${i}].role`, `must be one of ${[...ROLES].join(', ')}`);
    return { role: role as SimMessage['role'], text: contentText(content, `messages[${i}].content`) };
  });
  const request: SimRequest = { messages };
  const format = body.format;
  if (format === 'json') request.responseFormat = { type: 'json' };
  else if (typeof format === 'object' && format !== null && !Array.isArray(format)) request.responseFormat = { type: 'json', schema: format as JSONSchema7 };
  else if (format !== undefined && format !== null && format !== '') throw badRequest('format', 'must be "json" or a JSON schema object');
  const options = optionalObject(body, 'options') ?? {};
  const numPredict = optionalNumber(options, 'num_predict', 'options.num_predict');
  // num_predict < 0 means "no limit" in Ollama. ollama-ai-provider-v2 also sends a top-level max_output_tokens.
  const limit = numPredict !== undefined && numPredict >= 0 ? Math.floor(numPredict) : optionalCount(body, 'max_output_tokens');
  if (limit !== undefined) request.maxOutputTokens = limit;
  const seed = optionalNumber(options, 'seed', 'options.seed');
  if (seed !== undefined) request.seed = Math.trunc(seed);
  const stops = optionalStops(options.stop, 'options.stop');
  if (stops) request.stopSequences = stops;
  optionalNumber(options, 'temperature', 'options.temperature');
  return { model, stream: optionalBoolean(body, 'stream') ?? true, request };
}

function doneFields(outcome: SimOutcome) {
  const ns = (ms: number) => Math.round(ms * 1e6);
  return {
    done_reason: outcome.finishReason,
    total_duration: ns(outcome.latency.totalMs),
    load_duration: 0,
    prompt_eval_count: outcome.usage.inputTokens,
    prompt_eval_duration: ns(outcome.latency.ttftMs),
    eval_count: outcome.usage.outputTokens,
    eval_duration: ns(outcome.latency.totalMs - outcome.latency.ttftMs),
    sim: simMetadata(outcome),
  };
}

/** `POST /api/chat`: NDJSON stream by default, one JSON object with `stream: false`. */
export async function ollamaChat(engine: SimEngine, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const { model, stream, request } = ollamaChatRequest(await readJsonBody(req));
  const outcome = engine.run(request);
  const createdAt = () => new Date().toISOString();
  if (!stream) {
    await waitWhole(outcome, engine.options.timeScale, signal);
    sendJson(res, 200, { model, created_at: createdAt(), message: { role: 'assistant', content: outcome.text }, done: true, ...doneFields(outcome) });
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson', ...SIM_HEADERS });
  for await (const token of paceTokens(outcome, engine.options.timeScale, signal)) {
    res.write(`${JSON.stringify({ model, created_at: createdAt(), message: { role: 'assistant', content: token }, done: false })}\n`);
  }
  res.end(`${JSON.stringify({ model, created_at: createdAt(), message: { role: 'assistant', content: '' }, done: true, ...doneFields(outcome) })}\n`);
}
