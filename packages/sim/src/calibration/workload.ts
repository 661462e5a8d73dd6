import { Rng } from '../random/rng';
import { jsonItem } from './json-workload';
import { linearItem } from './linear-workload';
import type { WorkloadItem } from './workload-item';

/** Options of {@link createCalibrationWorkload}. */
export interface CalibrationWorkloadOptions {
  /** Seed of the generator. Default 42. */
  seed?: number;
  /** Number of requests. Default 222 (the StepCache paper's evaluation requests per seed). */
  size?: number;
  /** Share of linear-equation requests; the rest is JSON extraction. Default 0.5. */
  linearShare?: number;
}

/**
 * A generated workload like the paper's: linear equations (one to three
 * unknowns, integer and fractional solutions, several phrasings) and JSON
 * extraction (person records as labelled or narrative text, with a schema or
 * with keys named in the prompt). Deterministic for a seed.
 */
export function createCalibrationWorkload(options: CalibrationWorkloadOptions = {}): WorkloadItem[] {
  const rng = new Rng(options.seed ?? 42);
  const size = options.size ?? 222;
  const share = options.linearShare ?? 0.5;
  const items: WorkloadItem[] = [];
  for (let i = 0; i < size; i++) {
    const id = `cal-${i}`;
    items.push(i < Math.round(size * share) ? linearItem(rng.fork(id), id) : jsonItem(rng.fork(id), id));
  }
  return items;
}
