import { simulatedModel } from '@stepcache/sim';
import type { Backend } from './backend';

/**
 * The in-process SIMULATED model (`@stepcache/sim`). With `timeScale` 0 it
 * never waits and request latency is accounted in virtual time (wall time
 * plus the simulated model time of every call); with any other time scale
 * it waits and latency is wall time.
 */
export function simBackend(options: { timeScale: number; modelId?: string }): Backend {
  const modelId = options.modelId ?? 'sim-instruct';
  return {
    name: 'sim',
    simulated: true,
    modelId,
    description: `SIMULATED model stepcache-sim/${modelId}, in-process, time scale ${options.timeScale}`,
    virtualTime: options.timeScale === 0,
    open: async (seed) => ({
      newModel: () => simulatedModel({ seed, modelId, timeScale: options.timeScale }),
      close: async () => {},
    }),
  };
}
