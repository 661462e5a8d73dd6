import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimError } from '../errors/sim-error';
import { invalidOption } from '../errors/sim-error';
import type { SimulatedModelOptions } from '../model/options';
import { resolveOptions } from '../model/options';
import { sendError, sendJson, SIM_HEADERS } from './http-io';
import { ollamaChat, ollamaTags, SIM_OLLAMA_VERSION } from './ollama-api';
import { openaiChat, openaiModels } from './openai-chat-api';
import { openaiResponses } from './openai-responses-api';
import type { SimEngine } from './sim-engine';
import { createSimEngine } from './sim-engine';

/** Options of {@link startSimServer}: where to listen, plus every {@link SimulatedModelOptions}. */
export interface SimServerOptions extends SimulatedModelOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `'127.0.0.1'` (loopback only). */
  host?: string;
}

/** A running simulated-model server. */
export interface SimServer {
  /** Base URL, e.g. `http://127.0.0.1:53211` (Ollama API under `/api`, OpenAI API under `/v1`). */
  url: string;
  /** The bound port. */
  port: number;
  /** The bound host. */
  host: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

type Handler = (engine: SimEngine, req: IncomingMessage, res: ServerResponse, signal: AbortSignal) => Promise<void> | void;

const ROUTES: Readonly<Record<string, Handler>> = {
  'GET /': (_e, _req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...SIM_HEADERS });
    res.end('Ollama is running (SIMULATED model server: @stepcache/sim, not a real LLM)');
  },
  'GET /api/version': (_e, _req, res) => sendJson(res, 200, { version: SIM_OLLAMA_VERSION }),
  'GET /api/tags': (engine, _req, res) => sendJson(res, 200, ollamaTags(engine)),
  'POST /api/chat': ollamaChat,
  'GET /v1/models': (engine, _req, res) => sendJson(res, 200, openaiModels(engine)),
  'POST /v1/chat/completions': openaiChat,
  'POST /v1/responses': openaiResponses,
};

async function handle(engine: SimEngine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sim').pathname.replace(/\/+$/, '') || '/';
  const route = ROUTES[`${req.method ?? 'GET'} ${path}`];
  if (!route) {
    const known = Object.keys(ROUTES).join(', ');
    sendError(res, 404, `No route for ${req.method} ${path} on the simulated model server (known: ${known})`);
    return;
  }
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new DOMException('The client closed the connection.', 'AbortError'));
  });
  try {
    await route(engine, req, res, aborter.signal);
  } catch (error) {
    if (aborter.signal.aborted) return;
    if (res.headersSent) {
      res.destroy(error instanceof Error ? error : undefined);
      return;
    }
    if (SimError.isInstance(error) && error.code === 'INVALID_ARGUMENT') {
      sendError(res, 400, error.message, typeof error.details.field === 'string' ? error.details.field : null);
    } else {
      sendError(res, 500, error instanceof Error ? error.message : 'internal error of the simulated model server');
    }
  }
}

/**
 * Serves the SIMULATED model over HTTP: the Ollama API (`/api/chat`,
 * `/api/tags`, `/api/version`) and the OpenAI API (`/v1/chat/completions`,
 * `/v1/responses`, `/v1/models`), so `ollama-ai-provider-v2` and
 * `@ai-sdk/openai` work against it unchanged. Uses node:http only.
 *
 * @throws SimError `INVALID_OPTION` for a bad option (including `port`/`host`).
 */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const { port = 0, host = '127.0.0.1', ...modelOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalidOption('port', 'expected an integer in [0, 65535]', port);
  if (typeof host !== 'string' || host === '') throw invalidOption('host', 'expected a non-empty string', host);
  const engine = createSimEngine(resolveOptions(modelOptions));
  const server = createServer((req, res) => {
    void handle(engine, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    host: address.address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
