import type { AnswerPath, SystemId } from '../systems/bench-system';
import { SYSTEM_LABELS } from '../systems/bench-system';
import type { PerturbationKind } from '../workload/workload-request';
import type { RequestRecord } from './request-record';
import { cdfPoints, mean, quantile } from './stats';

/** Request counts per path. */
export type PathCounts = Partial<Record<AnswerPath, number>>;

/** Figures of one seed for one system. */
export interface SeedFigures {
  readonly seed: number;
  readonly requests: number;
  readonly meanMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly tokens: number;
  readonly correctness: number;
  readonly wrongFromCache: number;
  readonly paths: PathCounts;
}

/** Everything the report says about one system. */
export interface SystemSummary {
  readonly id: SystemId;
  readonly name: string;
  /** Requests measured (all seeds). */
  readonly requests: number;
  /** Latency over all requests of all seeds, ms. */
  readonly meanMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** Total tokens (prompt + output of every backend call) per seed, mean over seeds. */
  readonly tokens: number;
  /** Tokens per request. */
  readonly tokensPerRequest: number;
  /** Prompt and output tokens per seed, mean over seeds. */
  readonly tokenSplit: { readonly input: number; readonly output: number };
  /** Backend calls per request. */
  readonly modelCallsPerRequest: number;
  /**
   * End-to-end correctness on the task requests (linear equations and JSON
   * extraction; the paper's measure): both the task check and the
   * final-answer check pass. A share in [0, 1].
   */
  readonly correctness: number;
  /** Task requests counted in `correctness`. */
  readonly gradedRequests: number;
  /** Share of task requests passing the task check alone / the final-answer check alone. */
  readonly taskCheck: number;
  readonly finalAnswer: number;
  /** Correctness per task family. */
  readonly correctnessByTask: Readonly<Record<'linear' | 'json', number>>;
  /**
   * Correctness over every request: ground truth for the questions that left
   * the task family (yes/no, x², counts, short answers) — which depends on
   * the backend alone — and, for free text, an answer written for this
   * prompt rather than another prompt's cached answer.
   */
  readonly overallCorrectness: number;
  /** Requests answered from the cache without a model call (reuse or hit) whose answer is wrong. */
  readonly wrongFromCache: number;
  /** Requests answered from the cache without a model call. */
  readonly servedFromCache: number;
  /** Patched requests (some cached steps, some regenerated) whose answer is wrong. */
  readonly wrongPatched: number;
  /** Semantic changes and traps answered (wholly or partly) from another prompt's cached answer. */
  readonly trapsReused: number;
  /** Requests per path. */
  readonly paths: PathCounts;
  /** Share of requests per path. */
  readonly pathShares: Readonly<Partial<Record<AnswerPath, number>>>;
  /** Calls that threw (other than unparsable structured output). */
  readonly errors: number;
  /** The same latency and token figures without the 20 base prompts (the "warm-up excluded" view). */
  readonly excludingBase: { readonly meanMs: number; readonly medianMs: number; readonly p95Ms: number; readonly tokensPerRequest: number };
  /** Per perturbation kind: requests, correct answers, paths. */
  readonly byKind: Readonly<Partial<Record<PerturbationKind, { readonly requests: number; readonly correct: number; readonly paths: PathCounts }>>>;
  /** Per-seed figures. */
  readonly perSeed: readonly SeedFigures[];
  /** Latency CDF points for plots. */
  readonly latencyCdf: readonly { readonly x: number; readonly p: number }[];
}

function share(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

function countPaths(records: readonly RequestRecord[]): PathCounts {
  const out: PathCounts = {};
  for (const r of records) out[r.path] = (out[r.path] ?? 0) + 1;
  return out;
}

function correctShare(records: readonly RequestRecord[]): number {
  return share(records.filter((r) => r.check.correct).length, records.length);
}

function tokensOf(records: readonly RequestRecord[]): number {
  return records.reduce((a, r) => a + r.inputTokens + r.outputTokens, 0);
}

function seedFigures(seed: number, records: readonly RequestRecord[]): SeedFigures {
  const latencies = records.map((r) => r.latencyMs);
  return {
    seed,
    requests: records.length,
    meanMs: mean(latencies),
    medianMs: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    tokens: tokensOf(records),
    correctness: correctShare(records.filter((r) => r.graded)),
    wrongFromCache: records.filter((r) => r.servedFromCache && !r.check.correct).length,
    paths: countPaths(records),
  };
}

/** Summarises the records of one system (all seeds). */
export function summarizeSystem(id: SystemId, records: readonly RequestRecord[]): SystemSummary {
  const latencies = records.map((r) => r.latencyMs);
  const seeds = [...new Set(records.map((r) => r.seed))];
  const graded = records.filter((r) => r.graded);
  const nonBase = records.filter((r) => r.kind !== 'base');
  const nonBaseLatency = nonBase.map((r) => r.latencyMs);
  const paths = countPaths(records);
  const byKind: Partial<Record<PerturbationKind, { requests: number; correct: number; paths: PathCounts }>> = {};
  for (const kind of new Set(records.map((r) => r.kind))) {
    const of = records.filter((r) => r.kind === kind);
    byKind[kind] = { requests: of.length, correct: of.filter((r) => r.check.correct).length, paths: countPaths(of) };
  }
  const perSeedCount = Math.max(1, seeds.length);
  return {
    id,
    name: SYSTEM_LABELS[id],
    requests: records.length,
    meanMs: mean(latencies),
    medianMs: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    p99Ms: quantile(latencies, 0.99),
    tokens: tokensOf(records) / perSeedCount,
    tokensPerRequest: share(tokensOf(records), records.length),
    tokenSplit: {
      input: records.reduce((a, r) => a + r.inputTokens, 0) / perSeedCount,
      output: records.reduce((a, r) => a + r.outputTokens, 0) / perSeedCount,
    },
    modelCallsPerRequest: share(
      records.reduce((a, r) => a + r.modelCalls, 0),
      records.length,
    ),
    correctness: correctShare(graded),
    gradedRequests: graded.length,
    taskCheck: share(graded.filter((r) => r.check.taskCheck).length, graded.length),
    finalAnswer: share(graded.filter((r) => r.check.finalAnswer).length, graded.length),
    correctnessByTask: {
      linear: correctShare(graded.filter((r) => r.family === 'linear')),
      json: correctShare(graded.filter((r) => r.family === 'json')),
    },
    overallCorrectness: correctShare(records),
    wrongFromCache: records.filter((r) => r.servedFromCache && !r.check.correct).length,
    servedFromCache: records.filter((r) => r.servedFromCache).length,
    wrongPatched: records.filter((r) => r.path === 'patch' && !r.check.correct).length,
    trapsReused: records.filter((r) => r.mustNotReuse && r.cachedPrompt !== undefined).length,
    paths,
    pathShares: Object.fromEntries(Object.entries(paths).map(([p, n]) => [p, n / records.length])),
    errors: records.filter((r) => r.error !== undefined).length,
    excludingBase: {
      meanMs: mean(nonBaseLatency),
      medianMs: quantile(nonBaseLatency, 0.5),
      p95Ms: quantile(nonBaseLatency, 0.95),
      tokensPerRequest: share(tokensOf(nonBase), nonBase.length),
    },
    byKind,
    perSeed: seeds.map((seed) => seedFigures(seed, records.filter((r) => r.seed === seed))),
    latencyCdf: cdfPoints(latencies, 300),
  };
}
