import type { Backend } from '../backends/backend';
import type { RequestRecord } from '../measure/request-record';
import type { SystemId } from '../systems/bench-system';
import { createSystems } from '../systems/create-systems';
import type { BenchRequest } from '../workload/workload-request';
import { runRequest } from './run-request';

/** Progress of a run: requests done out of total in the current seed. */
export interface SeedProgress {
  readonly seed: number;
  readonly seedIndex: number;
  readonly seedCount: number;
  readonly done: number;
  readonly total: number;
}

/**
 * Runs one seed's workload on every system, interleaved request by request
 * (each request goes to all systems before the next one is sent; the order
 * of the systems rotates so none is always first). Every system has its own
 * backend model instance and fresh cache state.
 */
export async function runSeed(options: {
  backend: Backend;
  seed: number;
  requests: readonly BenchRequest[];
  systems: readonly SystemId[];
  maxRetries: number;
  onRequestDone?: (done: number, total: number) => void;
}): Promise<RequestRecord[]> {
  const session = await options.backend.open(options.seed);
  try {
    const systems = createSystems(options.systems, () => session.newModel());
    const settings = { virtualTime: options.backend.virtualTime, maxRetries: options.maxRetries };
    const records: RequestRecord[] = [];
    for (const [i, request] of options.requests.entries()) {
      for (let j = 0; j < systems.length; j++) {
        const system = systems[(i + j) % systems.length];
        if (system) records.push(await runRequest(system, request, settings));
      }
      options.onRequestDone?.(i + 1, options.requests.length);
    }
    return records;
  } finally {
    await session.close();
  }
}
