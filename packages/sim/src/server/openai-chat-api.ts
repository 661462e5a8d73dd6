import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimMessage, SimRequest } from '../engine/sim-request';
import type { SimOutcome } from '../engine/simulate';
import { simMetadata } from '../model/sim-metadata';
import { badRequest, readJsonBody, sendJson, SIM_HEADERS } from './http-io';
import { readOpenAIFormat } from './openai-format';
import { paceTokens, waitWhole } from './pace-tokens';
import type { SimEngine } from './sim-engine';
import { contentText, optionalBoolean, optionalCount, optionalNumber, optionalObject, optionalStops, requireString } from './validate-fields';

const ROLE_MAP: Readonly<Record<string, SimMessage['role']>> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
};

/** `GET /v1/models`. */
export function openaiModels(engine: SimEngine): unknown {
  return { object: 'list', data: [{ id: engine.options.modelId, object: 'model', created: 0, owned_by: 'stepcache-sim (simulated)' }] };
}

/** Reads a Chat Completions body into an engine request (400 naming the field when malformed). */
export function chatRequest(body: Record<string, unknown>): { model: string; stream: boolean; includeUsage: boolean; request: SimRequest } {
  const model = requireString(body, 'model');
  if (!Array.isArray(body.messages)) throw badRequest('messages', 'must be an array');
  const messages: SimMessage[] = body.messages.map((m: unknown, i) => {
    if (typeof m !== 'object' || m === null) throw badRequest(`messages[${i}]`, 'must be an object');
    const { role, content } = m as { role?: unknown; content?: unknown };
    const mapped = typeof role === 'string' ? ROLE_MAP[role] : undefined;
    if (!mapped) throw badRequest(`messages[${i}].role`, `must be one of ${Object.keys(ROLE_MAP).join(', ')}`);
    return { role: mapped, text: contentText(content, `messages[${i}].content`) };
  });
  const request: SimRequest = { messages };
  const format = readOpenAIFormat(body.response_format, 'response_format');
  if (format) request.responseFormat = format;
  const limit = optionalCount(body, 'max_completion_tokens') ?? optionalCount(body, 'max_tokens');
  if (limit !== undefined) request.maxOutputTokens = limit;
  const seed = optionalNumber(body, 'seed');
  if (seed !== undefined) request.seed = Math.trunc(seed);
  const stops = optionalStops(body.stop, 'stop');
  if (stops) request.stopSequences = stops;
  optionalNumber(body, 'temperature');
  const streamOptions = optionalObject(body, 'stream_options');
  const includeUsage = streamOptions ? optionalBoolean(streamOptions, 'include_usage') === true : false;
  return { model, stream: optionalBoolean(body, 'stream') ?? false, includeUsage, request };
}

function usage(outcome: SimOutcome) {
  return {
    prompt_tokens: outcome.usage.inputTokens,
    completion_tokens: outcome.usage.outputTokens,
    total_tokens: outcome.usage.inputTokens + outcome.usage.outputTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** `POST /v1/chat/completions`: JSON, or SSE chunks with `stream: true`. */
export async function openaiChat(engine: SimEngine, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const { model, stream, includeUsage, request } = chatRequest(await readJsonBody(req));
  const outcome = engine.run(request);
  const id = `chatcmpl-sim-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const finish = outcome.finishReason;
  if (!stream) {
    await waitWhole(outcome, engine.options.timeScale, signal);
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: 'stepcache-sim',
      choices: [{ index: 0, message: { role: 'assistant', content: outcome.text, refusal: null }, logprobs: null, finish_reason: finish }],
      usage: usage(outcome),
      sim: simMetadata(outcome),
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...SIM_HEADERS });
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'stepcache-sim', choices, ...(includeUsage ? { usage: null } : {}), ...extra })}\n\n`;
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]));
  for await (const token of paceTokens(outcome, engine.options.timeScale, signal)) {
    res.write(chunk([{ index: 0, delta: { content: token }, logprobs: null, finish_reason: null }]));
  }
  res.write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finish }], { sim: simMetadata(outcome) }));
  if (includeUsage) res.write(chunk([], { usage: usage(outcome) }));
  res.end('data: [DONE]\n\n');
}
