import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimMessage, SimRequest } from '../engine/sim-request';
import type { SimOutcome } from '../engine/simulate';
import { simMetadata } from '../model/sim-metadata';
import { badRequest, readJsonBody, sendJson, SIM_HEADERS } from './http-io';
import { readOpenAIFormat } from './openai-format';
import { paceTokens, waitWhole } from './pace-tokens';
import type { SimEngine } from './sim-engine';
import { contentText, optionalBoolean, optionalCount, optionalObject, requireString } from './validate-fields';

const ROLE_MAP: Readonly<Record<string, SimMessage['role']>> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
};

/** Reads a Responses API body into an engine request (400 naming the field when malformed). */
export function responsesRequest(body: Record<string, unknown>, engine: SimEngine): { model: string; stream: boolean; request: SimRequest } {
  const model = requireString(body, 'model');
  const messages: SimMessage[] = [];
  if (body.instructions !== undefined && body.instructions !== null) {
    if (typeof body.instructions !== 'string') throw badRequest('instructions', 'must be a string');
    messages.push({ role: 'system', text: body.instructions });
  }
  const input = body.input;
  if (typeof input === 'string') messages.push({ role: 'user', text: input });
  else if (Array.isArray(input)) {
    input.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null) throw badRequest(`input[${i}]`, 'must be an object');
      const it = item as { type?: unknown; role?: unknown; content?: unknown; id?: unknown; output?: unknown };
      if (it.type === 'item_reference') {
        const text = typeof it.id === 'string' ? engine.recall(it.id) : undefined;
        if (text === undefined) throw badRequest(`input[${i}].id`, 'does not name an item this server still holds');
        messages.push({ role: 'assistant', text });
        return;
      }
      if (it.type === 'function_call_output') {
        messages.push({ role: 'tool', text: typeof it.output === 'string' ? it.output : JSON.stringify(it.output ?? null) });
        return;
      }
      if (it.type !== undefined && it.type !== 'message') return;
      const role = typeof it.role === 'string' ? ROLE_MAP[it.role] : undefined;
      if (!role) throw badRequest(`input[${i}].role`, `must be one of ${Object.keys(ROLE_MAP).join(', ')}`);
      messages.push({ role, text: contentText(it.content, `input[${i}].content`) });
    });
  } else throw badRequest('input', 'must be a string or an array of input items');
  const request: SimRequest = { messages };
  const text = optionalObject(body, 'text');
  const format = text ? readOpenAIFormat(text.format, 'text.format') : undefined;
  if (format) request.responseFormat = format;
  const limit = optionalCount(body, 'max_output_tokens');
  if (limit !== undefined) request.maxOutputTokens = limit;
  return { model, stream: optionalBoolean(body, 'stream') ?? false, request };
}

function responseObject(id: string, itemId: string, model: string, created: number, outcome: SimOutcome | null, body: Record<string, unknown>) {
  const done = outcome !== null;
  const incomplete = outcome?.finishReason === 'length';
  return {
    id,
    object: 'response',
    created_at: created,
    status: !done ? 'in_progress' : incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output: done
      ? [{ type: 'message', id: itemId, status: incomplete ? 'incomplete' : 'completed', role: 'assistant', content: [{ type: 'output_text', text: outcome.text, annotations: [], logprobs: [] }] }]
      : [],
    parallel_tool_calls: true,
    temperature: body.temperature ?? 1,
    top_p: body.top_p ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    usage: done
      ? {
          input_tokens: outcome.usage.inputTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: outcome.usage.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: outcome.usage.inputTokens + outcome.usage.outputTokens,
        }
      : null,
    ...(done ? { sim: simMetadata(outcome) } : {}),
  };
}

/** `POST /v1/responses`: a response object, or the Responses SSE event sequence with `stream: true`. */
export async function openaiResponses(engine: SimEngine, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const body = await readJsonBody(req);
  const { model, stream, request } = responsesRequest(body, engine);
  const outcome = engine.run(request);
  const id = `resp_sim${randomUUID().replace(/-/g, '')}`;
  const itemId = `msg_sim${randomUUID().replace(/-/g, '')}`;
  const created = Math.floor(Date.now() / 1000);
  engine.remember(itemId, outcome.text);
  if (!stream) {
    await waitWhole(outcome, engine.options.timeScale, signal);
    sendJson(res, 200, responseObject(id, itemId, model, created, outcome, body));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...SIM_HEADERS });
  let sequence = 0;
  const send = (type: string, data: Record<string, unknown>) =>
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`);
  send('response.created', { response: responseObject(id, itemId, model, created, null, body) });
  send('response.in_progress', { response: responseObject(id, itemId, model, created, null, body) });
  send('response.output_item.added', { output_index: 0, item: { type: 'message', id: itemId, status: 'in_progress', role: 'assistant', content: [] } });
  send('response.content_part.added', { item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
  for await (const token of paceTokens(outcome, engine.options.timeScale, signal)) {
    send('response.output_text.delta', { item_id: itemId, output_index: 0, content_index: 0, delta: token, logprobs: [] });
  }
  const part = { type: 'output_text', text: outcome.text, annotations: [], logprobs: [] };
  send('response.output_text.done', { item_id: itemId, output_index: 0, content_index: 0, text: outcome.text, logprobs: [] });
  send('response.content_part.done', { item_id: itemId, output_index: 0, content_index: 0, part });
  const status = outcome.finishReason === 'length' ? 'incomplete' : 'completed';
  send('response.output_item.done', { output_index: 0, item: { type: 'message', id: itemId, status, role: 'assistant', content: [part] } });
  send(status === 'completed' ? 'response.completed' : 'response.incomplete', { response: responseObject(id, itemId, model, created, outcome, body) });
  res.end();
}
