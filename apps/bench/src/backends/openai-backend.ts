import { createOpenAI } from '@ai-sdk/openai';
import type { Backend } from './backend';

/**
 * A real OpenAI (or OpenAI-compatible, with `baseURL`) chat model through
 * the Chat Completions API, which every compatible server implements;
 * latency is wall time.
 */
export function openaiBackend(options: { modelId: string; apiKey: string; baseURL?: string }): Backend {
  const where = options.baseURL ?? 'api.openai.com';
  return {
    name: 'openai',
    simulated: false,
    modelId: options.modelId,
    description: `OpenAI model ${options.modelId} at ${where} (real backend, wall-clock latency)`,
    virtualTime: false,
    open: async () => {
      const provider = createOpenAI({ apiKey: options.apiKey, ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }) });
      return { newModel: () => provider.chat(options.modelId), close: async () => {} };
    },
  };
}
