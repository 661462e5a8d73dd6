import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { CallLedger } from '../measure/call-ledger';

/** The systems a run compares. */
export type SystemId = 'no-cache' | 'exact-match' | 'semantic' | 'stepcache';

/**
 * How a request was answered. StepCache reports its own paths; the
 * baselines report `hit` (served from the cache, no model call) or `miss`;
 * the no-cache baseline always `miss`.
 */
export type AnswerPath = 'reuse' | 'patch' | 'skip' | 'miss' | 'bypass' | 'hit';

/** What a system says about the request it just answered. */
export interface SystemOutcome {
  readonly path: AnswerPath;
  /** Prompt of the cached request whose answer was served (reuse, patch, hit), when known. */
  readonly cachedPrompt?: string;
  /** StepCache only: the task family it classified the request as, and why it skipped or bypassed. */
  readonly task?: string;
  readonly reason?: string;
}

/** A system under test: a model to call, and how it answered the last call. */
export interface BenchSystem {
  readonly id: SystemId;
  /** Name in reports. */
  readonly label: string;
  /** The model requests are sent to (the backend model behind this system's cache). */
  readonly model: LanguageModelV4;
  /** Records the backend calls this system makes. */
  readonly ledger: CallLedger;
  /**
   * How the request just made was answered; call once after each request.
   * `providerMetadata` is the result's, when the call returned one.
   */
  takeOutcome(providerMetadata: Record<string, unknown> | undefined): SystemOutcome;
}

/** Display names of the systems. */
export const SYSTEM_LABELS: Readonly<Record<SystemId, string>> = {
  'no-cache': 'No cache',
  'exact-match': 'Exact-match cache',
  semantic: 'Semantic cache',
  stepcache: 'StepCache',
};
