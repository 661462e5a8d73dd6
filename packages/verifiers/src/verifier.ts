import type { JSONSchema7 } from 'json-schema';
import type { StepCacheError } from './errors/stepcache-error';

/**
 * What a verifier sees of one request: the text the answer must satisfy and
 * the output format the caller asked for. Built by the middleware from the
 * AI SDK call options; contains no provider objects so verifiers stay
 * independent of the SDK.
 */
export interface TaskInput {
  /** Text of the last user message: the question the answer must answer. */
  readonly prompt: string;
  /** The system prompt, when the call has one. */
  readonly system?: string;
  /**
   * The output format the caller requested. `json` comes from
   * `generateObject`, `streamObject` and `Output.object`; `schema` is the JSON
   * Schema the AI SDK sent, when there is one; `name` and `description` are
   * the optional labels of `Output.object({ name, description })`.
   */
  readonly responseFormat:
    | { readonly type: 'text' }
    | {
        readonly type: 'json';
        readonly schema?: JSONSchema7;
        readonly name?: string;
        readonly description?: string;
      };
}

/** Outcome of one check. A failed check always says why, for events and patch prompts. */
export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Human-readable reason, shown to the model in patch prompts and reported in events. */
      readonly reason: string;
      /**
       * The step is no longer wanted at all (e.g. a JSON key the new schema
       * removed): drop it instead of regenerating it.
       */
      readonly drop?: boolean;
    };

/** What a verifier knows while checking one step. */
export interface StepContext<P> {
  /** Zero-based position of the step in the answer. */
  readonly index: number;
  /** The steps before this one, as they will appear in the answer. */
  readonly previous: readonly string[];
  /**
   * The problem the step was originally written for, when it comes from a
   * cached answer; absent for freshly generated steps.
   */
  readonly source?: P;
}

/**
 * How failing steps are regenerated.
 * - `suffix`: steps depend on the ones before them (a derivation); everything
 *   from the first failing step on is regenerated as one contiguous block.
 * - `subset`: steps are independent (JSON keys); only failing or missing
 *   steps are regenerated, passing ones are kept wherever they are.
 */
export type PatchMode = 'suffix' | 'subset';

/** Input to {@link Verifier.patchRequest} and {@link Verifier.readPatch}. */
export interface PatchArgs<P> {
  /** The problem the answer must solve. */
  readonly problem: P;
  /** The request, as the verifier saw it in `detect`. */
  readonly input: TaskInput;
  /** Verified steps that stay in the answer. In `suffix` mode, the prefix. */
  readonly kept: readonly string[];
  /** Steps that failed, with the reason, so the model can avoid repeating the mistake. */
  readonly rejected: readonly { readonly step: string; readonly reason: string }[];
  /** 1 for the first patch call, 2 for the first repair, and so on. */
  readonly attempt: number;
}

/** Input to {@link Verifier.failure}: where patching ended. */
export interface FailureArgs<P> {
  /** The problem the answer had to solve. */
  readonly problem: P;
  /** The request, as the verifier saw it in `detect`. */
  readonly input: TaskInput;
  /** Verified steps at the end. */
  readonly kept: readonly string[];
  /**
   * What failed last: in `subset` mode every step the last call got wrong;
   * a step of `''` carries a reason about the whole answer.
   */
  readonly rejected: readonly { readonly step: string; readonly reason: string }[];
  /** Model calls made for the request (patch and repair calls, and the original generation). */
  readonly modelCalls: number;
}

/** One chat message of a patch call. */
export interface PatchMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * The model call that regenerates the failing part of an answer. The
 * middleware sends the original system prompt and conversation history, then
 * these messages in place of the last user message.
 */
export interface PatchRequest {
  readonly messages: readonly PatchMessage[];
  /**
   * JSON Schema the patch output must follow (e.g. a sub-schema of only the
   * missing keys). When absent the call uses the original response format.
   */
  readonly schema?: JSONSchema7;
}

/**
 * A task-aware checker for one family of requests (linear equations, JSON,
 * ...). The middleware owns retrieval, storage and model calls; a verifier
 * owns everything that depends on what the task is.
 *
 * Implementations must be pure and cheap: they run on every cache lookup.
 *
 * @typeParam P - the parsed problem. It is recomputed from the stored request
 * with `detect`, so it never has to be serialised.
 */
export interface Verifier<P = unknown> {
  /** Task family reported as `providerMetadata.stepcache.task`, e.g. `linear-equation`. */
  readonly task: string;
  /** How failing steps are regenerated. See {@link PatchMode}. */
  readonly patchMode: PatchMode;

  /**
   * Parses the request. Returns the problem when this verifier can judge
   * answers to it, `undefined` otherwise (the request is then handled as
   * free text). Must be conservative: when unsure, return `undefined`.
   */
  detect(input: TaskInput): P | undefined;

  /**
   * Why an answer cached for `cached` must not be reused for `next` (another
   * structure, another question), or `undefined` when reuse may be tried.
   */
  skipReason(cached: P, next: P): string | undefined;

  /**
   * Splits an answer into ordered steps. Must be prefix-stable, because
   * streams are checked as they grow: appending text to an answer may change
   * its last step but never an earlier one.
   */
  segment(answer: string, problem: P): string[];

  /**
   * Stitches steps back into one answer; `join(segment(a))` reads like `a`.
   * In `suffix` mode it must be prefix-stable too: `join(s)` is a prefix of
   * `join([...s, t])`, so verified steps can be streamed as they come.
   */
  join(steps: readonly string[], problem: P): string;

  /**
   * Optional, for `subset` verifiers whose `join` reorders steps: the text of
   * steps in the order they verified, for streaming them one by one. With
   * `final` false it is left open, and every open text is a prefix of the
   * texts of more steps and of the final one (JSON: `{"a":1` → `{"a":1,"b":2`
   * → `{"a":1,"b":2}`); the final text is a whole answer equivalent to
   * `join` of the same steps. Without it, `subset` answers stream whole.
   */
  streamJoin?(steps: readonly string[], problem: P, final: boolean): string;

  /**
   * Rewrites cached steps for the new problem where the change is mechanical
   * (for example a consistent renaming of variables), so they can pass
   * verification without a model call. Returns the steps and how many changed.
   *
   * In `subset` mode it may also append placeholder steps for parts the new
   * problem needs and the cached answer cannot vouch for (a JSON key the new
   * schema added). A placeholder must always fail `verifyStep`, so it is
   * regenerated by the patch call; it never counts as adapted.
   */
  adapt?(steps: readonly string[], cached: P, next: P): { steps: string[]; adapted: number };

  /** Checks one step against the problem. */
  verifyStep(step: string, problem: P, context: StepContext<P>): Verdict;

  /**
   * Checks a whole, stitched answer: the final result is right and the steps
   * fit together. Nothing is served or stored without passing this.
   */
  verifyAnswer(answer: string, problem: P): Verdict;

  /** Builds the one model call that regenerates what failed. */
  patchRequest(args: PatchArgs<P>): PatchRequest;

  /**
   * Reads the model's patch output and returns the new steps (without the
   * kept ones the model may have echoed). Called on partial output while it
   * streams, so it must be prefix-stable like `segment`.
   */
  readPatch(output: string, args: PatchArgs<P>): string[];

  /**
   * A deterministic, always-correct answer used when the model keeps
   * failing, or `undefined` when the task has none.
   */
  fallback?(problem: P): string | undefined;

  /**
   * True when the verifier checks answers against the request's response
   * schema itself (JSON). The middleware then leaves the schema out of the
   * cache partition, so a cached answer can serve a request whose schema
   * changed: it is re-checked against the new schema step by step. Default
   * `false`: the schema is part of the partition and never crosses it.
   */
  readonly judgesSchema?: boolean;

  /**
   * Most repair calls this task allows after the first patch call (or after
   * the full generation on a miss). The middleware uses the smaller of this
   * and its own `maxRepairs` option. A non-negative integer; default: no
   * task-specific bound.
   */
  readonly maxRepairs?: number;

  /**
   * A short name for a step, reported in `providerMetadata.stepcache` as
   * `reusedKeys` / `patchedKeys` (JSON: the top-level key). `undefined` for
   * steps without a name. Default: steps are not named.
   */
  stepName?(step: string, problem: P): string | undefined;

  /**
   * The error thrown when the repair bound is reached, no answer verified and
   * there is no fallback (e.g. `STRUCTURED_OUTPUT_INVALID` naming the JSON
   * paths that failed). Default: a `StepCacheError` with code
   * `ANSWER_UNVERIFIED`.
   */
  failure?(args: FailureArgs<P>): StepCacheError;
}

/** A verifier of any problem type, as held in lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyVerifier = Verifier<any>;
