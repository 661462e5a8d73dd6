import type { BackendName } from '../backends/backend';
import type { MicroResults } from '../micro/run-micro';
import type { SystemSummary } from '../measure/system-summary';
import type { WorkloadBound } from '../measure/workload-bound';
import type { AnswerPath, SystemId } from '../systems/bench-system';
import type { PerturbationKind, TaskFamily } from '../workload/workload-request';
import type { TargetCheck } from './targets';

/** A wrong StepCache answer, in enough detail to reproduce it. */
export interface FailureDetail {
  readonly seed: number;
  readonly id: string;
  readonly kind: PerturbationKind;
  readonly path: AnswerPath;
  /** StepCache's task classification (`text` when no verifier recognised the request) and skip reason. */
  readonly task?: string;
  readonly skipReason?: string;
  readonly prompt: string;
  readonly system?: string;
  /** The cached request whose answer was reused or patched, if any. */
  readonly cachedPrompt?: string;
  readonly answer: string;
  readonly reason?: string;
  readonly error?: string;
}

/** One request on one system, compactly (for plots and re-analysis). */
export interface CompactRecord {
  readonly seed: number;
  readonly id: string;
  readonly family: TaskFamily;
  readonly kind: PerturbationKind;
  readonly system: SystemId;
  readonly path: AnswerPath;
  readonly latencyMs: number;
  readonly wallMs: number;
  readonly tokens: number;
  readonly modelCalls: number;
  readonly correct: boolean;
}

/** Everything a run produced; written as the `--json` report. */
export interface BenchReport {
  readonly meta: {
    readonly title: string;
    readonly backend: { readonly name: BackendName; readonly modelId: string; readonly description: string; readonly virtualTime: boolean };
    /** True when every figure comes from the SIMULATED model. */
    readonly simulated: boolean;
    readonly seeds: readonly number[];
    readonly requestsPerSeed: number;
    readonly requests: number;
    readonly workload: {
      readonly basesPerTask: number;
      readonly k: number;
      readonly freeText: number;
      readonly rephrase: number;
      readonly baseInEvaluation: true;
    };
    readonly quick: boolean;
    readonly date: string;
    readonly node: string;
    readonly platform: string;
    readonly durationMs: number;
    readonly latency: string;
  };
  readonly systems: readonly SystemSummary[];
  readonly targets: readonly TargetCheck[];
  /** What a perfect cache could reach on this workload (needs the no-cache system in the run). */
  readonly workloadBound?: WorkloadBound;
  readonly micro?: MicroResults;
  readonly stepcacheFailures: readonly FailureDetail[];
  readonly records: readonly CompactRecord[];
}
