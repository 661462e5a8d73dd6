import type { AnswerPath, SystemId } from '../systems/bench-system';
import type { PerturbationKind, TaskFamily } from '../workload/workload-request';
import type { CheckResult } from './check-result';

/** Everything measured about one request on one system. */
export interface RequestRecord {
  readonly seed: number;
  readonly id: string;
  readonly group: string;
  readonly family: TaskFamily;
  readonly kind: PerturbationKind;
  readonly graded: boolean;
  readonly mustNotReuse: boolean;
  readonly system: SystemId;
  /** How the system answered. */
  readonly path: AnswerPath;
  /** Request latency, ms: wall time, plus simulated model time under virtual time. */
  readonly latencyMs: number;
  /** Measured wall time of the SDK call, ms. */
  readonly wallMs: number;
  /** Simulated model time of the request's backend calls, ms (0 for real backends). */
  readonly modelMs: number;
  /** Backend calls made for the request. */
  readonly modelCalls: number;
  /** True when a backend call of this request was answered by the StepCache simulator over HTTP. */
  readonly simulatedServer?: boolean;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** The verdict of the independent checks. */
  readonly check: CheckResult;
  /** Answered from the cache without a model call (`reuse` or `hit`). */
  readonly servedFromCache: boolean;
  /** Prompt of the cached request the answer came from, for reuse, patch and hits. */
  readonly cachedPrompt?: string;
  /** StepCache only: its task classification and skip/bypass reason. */
  readonly cacheTask?: string;
  readonly cacheReason?: string;
  /** The answer text as the caller received it. */
  readonly answer: string;
  /** The error the call threw, other than unparsable structured output. */
  readonly error?: string;
}
