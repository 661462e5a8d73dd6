import { createOllama } from 'ollama-ai-provider-v2';
import type { Backend } from './backend';

/** Default Ollama API base URL (override with `OLLAMA_BASE_URL`). */
export const DEFAULT_OLLAMA_BASE_URL = 'http://127.0.0.1:11434/api';

/** A real model served by Ollama; latency is wall time. */
export function ollamaBackend(options: { modelId: string; baseURL?: string }): Backend {
  const baseURL = options.baseURL ?? DEFAULT_OLLAMA_BASE_URL;
  return {
    name: 'ollama',
    simulated: false,
    modelId: options.modelId,
    description: `Ollama model ${options.modelId} at ${baseURL} (real backend, wall-clock latency)`,
    virtualTime: false,
    open: async () => ({ newModel: () => createOllama({ baseURL })(options.modelId), close: async () => {} }),
  };
}
