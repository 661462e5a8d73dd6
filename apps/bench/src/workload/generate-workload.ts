import type { FreeTextMix } from './free-text-workload';
import { DEFAULT_FREE_TEXT_MIX, freeTextRequests } from './free-text-workload';
import { jsonGroup } from './json-workload';
import { linearGroup } from './linear-workload';
import { invalidOption } from '../errors/invalid-option';
import { Rng } from '@stepcache/sim';
import type { BenchRequest } from './workload-request';

/** Shape of a generated workload. */
export interface WorkloadOptions {
  /** Workload seed (also the simulated model's seed in a run). */
  readonly seed: number;
  /** Base prompts per task (linear, JSON). Default 10, as in the paper. */
  readonly basesPerTask?: number;
  /** Variants per perturbation. Default 3 (the paper's k). */
  readonly k?: number;
  /** Free-text questions and traps. Default {@link DEFAULT_FREE_TEXT_MIX} (22 requests). */
  readonly freeText?: FreeTextMix;
  /**
   * Share of variants asked in another wording than their base, in [0, 1].
   * Default 0: a variant is its base prompt with a localized change (other
   * constants, names, keys, facts), the paper's perturbation shape; phrasing
   * varies between groups (several templates per task).
   */
  readonly rephrase?: number;
}

/** Requests a workload of these options holds: per task `bases × (1 + 3k)`, plus the free text. */
export function workloadSize(options: Omit<WorkloadOptions, 'seed'> = {}): number {
  const bases = options.basesPerTask ?? 10;
  const k = options.k ?? 3;
  const mix = options.freeText ?? DEFAULT_FREE_TEXT_MIX;
  return 2 * bases * (1 + 3 * k) + Math.min(mix.topics, 12) + (mix.topics > 0 ? mix.repeats + mix.negations + mix.others : 0);
}

function firstOfGroup(request: BenchRequest): boolean {
  return request.kind === 'base' || request.kind === 'free-text';
}

/**
 * Generates the evaluation requests of one seed, in the order they are sent:
 * a seeded shuffle of every request, with each group's base (or original
 * question) moved in front of its variants so a cache can only ever reuse
 * what it has seen. With the defaults: 10 linear + 10 JSON base prompts, 3
 * variants for each of 3 perturbations per task (180 variants), and 22
 * free-text questions and traps — 222 requests. The base prompts are part of
 * the 222 (cold misses for every cache), not a warm-up.
 */
export function generateWorkload(options: WorkloadOptions): BenchRequest[] {
  const bases = options.basesPerTask ?? 10;
  const k = options.k ?? 3;
  if (!Number.isInteger(bases) || bases < 1) throw invalidOption('basesPerTask', 'must be a positive integer', bases);
  if (!Number.isInteger(k) || k < 1) throw invalidOption('k', 'must be a positive integer', k);
  if (!Number.isSafeInteger(options.seed)) throw invalidOption('seed', 'must be a safe integer', options.seed);
  const rephrase = options.rephrase ?? 0;
  if (!(rephrase >= 0 && rephrase <= 1)) throw invalidOption('rephrase', 'must be a share in [0, 1]', rephrase);
  const rng = new Rng(options.seed);
  const requests: BenchRequest[] = [];
  for (let i = 0; i < bases; i++) {
    requests.push(...linearGroup(rng.fork(`linear-${i}`), { seed: options.seed, index: i, count: bases, k, rephrase }));
    requests.push(...jsonGroup(rng.fork(`json-${i}`), { seed: options.seed, index: i, k, rephrase }));
  }
  requests.push(...freeTextRequests(rng.fork('free-text'), options.seed, options.freeText ?? DEFAULT_FREE_TEXT_MIX));

  const order = rng.fork('order').shuffle(requests);
  const firstIndex = new Map<string, number>();
  order.forEach((r, i) => {
    if (!firstIndex.has(r.group)) firstIndex.set(r.group, i);
  });
  order.forEach((r, i) => {
    if (!firstOfGroup(r)) return;
    const first = firstIndex.get(r.group) as number;
    if (first < i) [order[first], order[i]] = [r, order[first] as BenchRequest];
  });
  return order;
}
