import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimError } from '../errors/sim-error';

/** Largest request body accepted, bytes. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A bad request: 400 with a message naming the field. */
export function badRequest(field: string, problem: string): SimError {
  return new SimError({ code: 'INVALID_ARGUMENT', message: `Invalid request: \`${field}\` ${problem}`, details: { field } });
}

/** Reads and parses a JSON request body; throws {@link badRequest} when it is not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw badRequest('body', `is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('body', 'is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('body', 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** The header (value `true`) every response of the simulator's server carries. */
export const SIMULATED_HEADER = 'x-stepcache-simulated';

/** Headers every response carries so nobody mistakes the sim for a real model. */
export const SIM_HEADERS = { [SIMULATED_HEADER]: 'true' } as const;

/** Sends a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...SIM_HEADERS });
  res.end(text);
}

/**
 * Sends an error in the `{ error: { message, type, param, code } }` shape
 * that both the OpenAI and the Ollama AI SDK providers parse.
 */
export function sendError(res: ServerResponse, status: number, message: string, param: string | null = null): void {
  sendJson(res, status, {
    error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', param, code: status === 404 ? 'not_found' : null },
  });
}
