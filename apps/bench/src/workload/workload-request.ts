import type { JSONSchema7 } from '@ai-sdk/provider';

/** Task family of a request: what kind of question it is. */
export type TaskFamily = 'linear' | 'json' | 'text';

/**
 * How a request relates to its group's base prompt.
 * - `base`: the first prompt of a group (a cold miss for every cache).
 * - `constants`, `rename`: linear variants with changed constants / renamed variables.
 * - `schema-keys`, `source`: JSON variants with added/removed keys / changed source text or entity.
 * - `semantic`: the question changed (another question type or output shape): no cache may reuse.
 * - `free-text`: an open question; `repeat`: the same question again, word for word.
 * - `negation-trap`, `question-trap`: a free-text question turned around by a negation or
 *   asked about another property; no cache may serve the original's answer.
 */
export type PerturbationKind =
  | 'base'
  | 'constants'
  | 'rename'
  | 'schema-keys'
  | 'source'
  | 'semantic'
  | 'free-text'
  | 'repeat'
  | 'negation-trap'
  | 'question-trap';

/** One linear equation in standard form `Σ coeffs[i]·variables[i] = rhs`, exact fractions as strings. */
export interface StandardEquation {
  /** Coefficient per variable, in the order of {@link LinearTruth.variables} (`'3/2'`, `'-4'`). */
  readonly coeffs: readonly string[];
  /** Right-hand side. */
  readonly rhs: string;
}

/** The exact solution of a linear equation or system, and the system itself. */
export interface LinearTruth {
  readonly kind: 'linear';
  /** Unknowns in answer order. */
  readonly variables: readonly string[];
  /** Exact value per unknown, as fractions (`'7/2'`). */
  readonly values: readonly string[];
  /** The equations, so an answer can be checked by substitution. */
  readonly equations: readonly StandardEquation[];
}

/** The object a JSON extraction must return. */
export interface JsonTruth {
  readonly kind: 'json';
  /** The exact expected object (key order irrelevant). */
  readonly expected: Readonly<Record<string, unknown>>;
  /** The response schema sent with the request, when there is one. */
  readonly schema?: JSONSchema7;
}

/** Ground truth of a yes/no question. */
export interface YesNoTruth {
  readonly kind: 'yes-no';
  readonly answer: boolean;
}

/** Ground truth of a question whose answer is one number (`x²`, `x + y`, a count). */
export interface NumberTruth {
  readonly kind: 'number';
  /** Exact value as a fraction string. */
  readonly value: string;
}

/** Ground truth of a quadratic: the set of real roots for one unknown. */
export interface RootsTruth {
  readonly kind: 'roots';
  readonly variable: string;
  /** Exact roots as fraction strings. */
  readonly values: readonly string[];
}

/** Ground truth of a short factual answer: the answer must contain one of these phrases. */
export interface PhraseTruth {
  readonly kind: 'phrase';
  readonly accepted: readonly string[];
}

/**
 * Free text with no checkable ground truth: the answer must have been written
 * for this prompt (a fresh model answer, or a cached answer to the very same
 * prompt), never a cached answer to another question.
 */
export interface FreshTruth {
  readonly kind: 'fresh';
}

/** What a correct answer must say, computed by the generator. */
export type GroundTruth = LinearTruth | JsonTruth | YesNoTruth | NumberTruth | RootsTruth | PhraseTruth | FreshTruth;

/** The output mode of a request, as the AI SDK call sets it. */
export type OutputMode =
  | { readonly type: 'text' }
  /** `Output.json()`: JSON wanted, keys named in the prompt. */
  | { readonly type: 'json' }
  /** `Output.object({ schema })`. */
  | { readonly type: 'object'; readonly schema: JSONSchema7 };

/** One request of the benchmark workload, with its ground truth. */
export interface BenchRequest {
  /** Unique within a seed, e.g. `lin-3-constants-2`. */
  readonly id: string;
  /** Workload seed it was generated from. */
  readonly seed: number;
  /** Task family. */
  readonly family: TaskFamily;
  /** Perturbation relative to the group's base. */
  readonly kind: PerturbationKind;
  /** Id of the group (base prompt or free-text topic) it belongs to. */
  readonly group: string;
  /**
   * A task request (linear-equation solving or JSON extraction): the kind the
   * paper's end-to-end correctness is measured on. Other requests (questions
   * that left the task family, free text) are reported separately.
   */
  readonly graded: boolean;
  /** A semantic change or trap: serving another prompt's cached answer to it is always wrong. */
  readonly mustNotReuse: boolean;
  /** System prompt, when the request has one. */
  readonly system?: string;
  /** The user prompt. */
  readonly prompt: string;
  /** Output mode of the call. */
  readonly output: OutputMode;
  /** What a correct answer must say. */
  readonly truth: GroundTruth;
}
