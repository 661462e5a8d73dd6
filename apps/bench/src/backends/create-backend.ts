import { invalidOption } from '../errors/invalid-option';
import type { Backend, BackendName } from './backend';
import { ollamaBackend } from './ollama-backend';
import { openaiBackend } from './openai-backend';
import { simBackend } from './sim-backend';
import { simHttpBackend } from './sim-http-backend';

/** Backend names accepted by `--backend`. */
export const BACKEND_NAMES: readonly BackendName[] = ['sim', 'sim-http', 'ollama', 'openai'];

/** What selects and configures a backend. */
export interface BackendChoice {
  readonly backend: BackendName;
  /** Model name; required for `ollama` and `openai`, default `sim-instruct` for the simulator. */
  readonly model?: string;
  /** Simulator time scale (0: never wait, virtual time). */
  readonly timeScale: number;
  /** Environment to read `OLLAMA_BASE_URL`, `OPENAI_API_KEY`, `OPENAI_BASE_URL` from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Builds the chosen backend; throws `INVALID_OPTION` naming the missing model or key. */
export function createBackend(choice: BackendChoice): Backend {
  switch (choice.backend) {
    case 'sim':
      return simBackend({ timeScale: choice.timeScale, ...(choice.model === undefined ? {} : { modelId: choice.model }) });
    case 'sim-http':
      return simHttpBackend({ timeScale: choice.timeScale, ...(choice.model === undefined ? {} : { modelId: choice.model }) });
    case 'ollama':
      if (choice.model === undefined) throw invalidOption('--model', 'is required with --backend ollama (e.g. --model llama3.2)', choice.model);
      return ollamaBackend({ modelId: choice.model, ...(choice.env.OLLAMA_BASE_URL ? { baseURL: choice.env.OLLAMA_BASE_URL } : {}) });
    case 'openai': {
      if (choice.model === undefined) throw invalidOption('--model', 'is required with --backend openai (e.g. --model gpt-4o-mini)', choice.model);
      const apiKey = choice.env.OPENAI_API_KEY;
      if (!apiKey) throw invalidOption('OPENAI_API_KEY', 'must be set in the environment for --backend openai', apiKey ?? null);
      return openaiBackend({ modelId: choice.model, apiKey, ...(choice.env.OPENAI_BASE_URL ? { baseURL: choice.env.OPENAI_BASE_URL } : {}) });
    }
    default:
      throw invalidOption('--backend', `must be one of ${BACKEND_NAMES.join(', ')}`, choice.backend);
  }
}
