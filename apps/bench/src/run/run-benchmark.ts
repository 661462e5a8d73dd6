import os from 'node:os';
import type { Backend } from '../backends/backend';
import type { MicroOptions, MicroResults } from '../micro/run-micro';
import { runMicro } from '../micro/run-micro';
import type { RequestRecord } from '../measure/request-record';
import { summarizeSystem } from '../measure/system-summary';
import { workloadBound } from '../measure/workload-bound';
import type { SystemId } from '../systems/bench-system';
import type { FreeTextMix } from '../workload/free-text-workload';
import { generateWorkload } from '../workload/generate-workload';
import type { BenchReport, FailureDetail } from './bench-report';
import type { SeedProgress } from './run-seed';
import { runSeed } from './run-seed';
import { checkTargets } from './targets';

/** What to run. */
export interface BenchOptions {
  /** The backend every system runs on. */
  readonly backend: Backend;
  /** Workload and model seeds; one workload (and fresh caches) per seed. Default in the CLI: 42, 43, 44. */
  readonly seeds: readonly number[];
  /** Base prompts per task (the paper: 10). */
  readonly basesPerTask: number;
  /** Variants per perturbation (the paper: 3). */
  readonly k: number;
  /** Free-text questions, repeats and traps per seed. */
  readonly freeText: FreeTextMix;
  /** Share of variants asked in another wording than their base (0: the paper's localized perturbations). */
  readonly rephrase: number;
  /** Systems to compare, in report order. */
  readonly systems: readonly SystemId[];
  /** AI SDK retries on provider errors (0 for the simulator). */
  readonly maxRetries: number;
  /** Micro-benchmark settings, or false to skip them. */
  readonly micro: Omit<MicroOptions, 'onStage'> | false;
  /** Recorded in the report: whether this is the `--quick` run. */
  readonly quick: boolean;
  /** Called after each request of a seed (all systems). */
  readonly onProgress?: (progress: SeedProgress) => void;
  /** Called when a micro-benchmark stage starts. */
  readonly onStage?: (stage: string) => void;
}

function failureOf(r: RequestRecord, prompt: string, system: string | undefined): FailureDetail {
  return {
    seed: r.seed,
    id: r.id,
    kind: r.kind,
    path: r.path,
    ...(r.cacheTask === undefined ? {} : { task: r.cacheTask }),
    ...(r.cacheReason === undefined ? {} : { skipReason: r.cacheReason }),
    prompt,
    ...(system === undefined ? {} : { system }),
    ...(r.cachedPrompt === undefined ? {} : { cachedPrompt: r.cachedPrompt }),
    answer: r.answer,
    ...(r.check.reason === undefined ? {} : { reason: r.check.reason }),
    ...(r.error === undefined ? {} : { error: r.error }),
  };
}

/**
 * Runs the benchmark: every seed's workload through every system on one
 * backend, interleaved request by request, then the micro-benchmarks; and
 * summarises it all.
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const records: RequestRecord[] = [];
  const failures: FailureDetail[] = [];
  let requestsPerSeed = 0;
  for (const [seedIndex, seed] of options.seeds.entries()) {
    const requests = generateWorkload({ seed, basesPerTask: options.basesPerTask, k: options.k, freeText: options.freeText, rephrase: options.rephrase });
    requestsPerSeed = requests.length;
    const seedRecords = await runSeed({
      backend: options.backend,
      seed,
      requests,
      systems: options.systems,
      maxRetries: options.maxRetries,
      onRequestDone: (done, total) => options.onProgress?.({ seed, seedIndex, seedCount: options.seeds.length, done, total }),
    });
    const byId = new Map(requests.map((r) => [r.id, r]));
    for (const r of seedRecords) {
      // StepCache is answerable for task requests, and for anything it served from its cache.
      const accountable = r.graded || r.servedFromCache || r.path === 'patch';
      const request = byId.get(r.id);
      if (r.system === 'stepcache' && accountable && !r.check.correct && request) failures.push(failureOf(r, request.prompt, request.system));
    }
    records.push(...seedRecords);
  }
  let micro: MicroResults | undefined;
  if (options.micro !== false) {
    micro = await runMicro({ ...options.micro, ...(options.onStage ? { onStage: options.onStage } : {}) });
  }
  const systems = options.systems.map((id) => summarizeSystem(id, records.filter((r) => r.system === id)));
  const noCache = records.filter((r) => r.system === 'no-cache');
  const bound = noCache.length > 0 ? workloadBound(noCache) : undefined;
  const backend = options.backend;
  // A real backend's URL may point at the simulator's HTTP server: its answers say so.
  const simulatorAnswered = !backend.simulated && records.some((r) => r.simulatedServer === true);
  const simulated = backend.simulated || simulatorAnswered;
  const description = simulatorAnswered
    ? `${backend.description.replace(/\(real backend, wall-clock latency\)/, '(wall-clock latency)')} — the server is the SIMULATED StepCache model (its answers carry x-stepcache-simulated)`
    : backend.description;
  return {
    meta: {
      title: `StepCache benchmark — ${simulated ? 'SIMULATED backend' : 'real backend'}: ${description}`,
      backend: { name: backend.name, modelId: backend.modelId, description, virtualTime: backend.virtualTime },
      simulated,
      seeds: [...options.seeds],
      requestsPerSeed,
      requests: requestsPerSeed * options.seeds.length,
      workload: {
        basesPerTask: options.basesPerTask,
        k: options.k,
        freeText: requestsPerSeed - 2 * options.basesPerTask * (1 + 3 * options.k),
        rephrase: options.rephrase,
        baseInEvaluation: true,
      },
      quick: options.quick,
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}`,
      durationMs: performance.now() - started,
      latency: backend.virtualTime
        ? 'virtual time: measured wall time of each SDK call + the simulated model time of every backend call it caused'
        : 'wall-clock time of each SDK call',
    },
    systems,
    targets: checkTargets(systems, micro),
    ...(bound === undefined ? {} : { workloadBound: bound }),
    ...(micro === undefined ? {} : { micro }),
    stepcacheFailures: failures,
    records: records.map((r) => ({
      seed: r.seed,
      id: r.id,
      family: r.family,
      kind: r.kind,
      system: r.system,
      path: r.path,
      latencyMs: Math.round(r.latencyMs * 1000) / 1000,
      wallMs: Math.round(r.wallMs * 1000) / 1000,
      tokens: r.inputTokens + r.outputTokens,
      modelCalls: r.modelCalls,
      correct: r.check.correct,
    })),
  };
}
