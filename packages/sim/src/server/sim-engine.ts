import type { SimRequest } from '../engine/sim-request';
import type { SimOutcome } from '../engine/simulate';
import { simulate } from '../engine/simulate';
import type { ResolvedSimOptions } from '../model/options';

/** What an API handler needs from the server: the engine and its options. */
export interface SimEngine {
  /** Resolved model options (model id, seed, time scale, rates, latency). */
  readonly options: ResolvedSimOptions;
  /** Runs the engine on one request. */
  run(request: SimRequest): SimOutcome;
  /** Remembers an answer's text under an id (Responses API `item_reference`). */
  remember(id: string, text: string): void;
  /** Text remembered under an id, if still held. */
  recall(id: string): string | undefined;
}

/** Most answers kept for `item_reference` look-ups. */
const MEMORY_LIMIT = 1000;

/** Creates the engine shared by all routes of one server. */
export function createSimEngine(options: ResolvedSimOptions): SimEngine {
  const memory = new Map<string, string>();
  return {
    options,
    run: (request) => simulate(request, options),
    remember(id, text) {
      memory.set(id, text);
      if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string);
    },
    recall: (id) => memory.get(id),
  };
}
