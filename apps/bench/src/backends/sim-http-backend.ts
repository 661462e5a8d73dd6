import { startSimServer } from '@stepcache/sim';
import { createOllama } from 'ollama-ai-provider-v2';
import type { Backend } from './backend';

/**
 * The SIMULATED model behind a local HTTP server speaking the Ollama API
 * (`startSimServer` on a free loopback port, one server per seed), reached
 * through `ollama-ai-provider-v2` exactly as a real Ollama would be. The
 * simulated model time comes back in the response body, so time scale 0 is
 * accounted in virtual time too (plus the real HTTP round trip).
 */
export function simHttpBackend(options: { timeScale: number; modelId?: string }): Backend {
  const modelId = options.modelId ?? 'sim-instruct';
  return {
    name: 'sim-http',
    simulated: true,
    modelId,
    description: `SIMULATED model stepcache-sim/${modelId} over HTTP (Ollama API via ollama-ai-provider-v2), time scale ${options.timeScale}`,
    virtualTime: options.timeScale === 0,
    async open(seed) {
      const server = await startSimServer({ port: 0, seed, modelId, timeScale: options.timeScale });
      return {
        newModel: () => createOllama({ baseURL: `${server.url}/api` })(modelId),
        close: () => server.close(),
      };
    },
  };
}
