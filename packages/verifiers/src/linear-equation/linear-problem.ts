import type Fraction from 'fraction.js';
import type { LinearEquation } from './linear-system';

/** A solving method the request names; answers written for one method are not reused for another. */
export type SolvingMethod = 'substitution' | 'elimination' | 'matrix';

/**
 * A linear equation or square linear system with exactly one solution, as
 * read from a request by the linear-equation verifier's `detect`.
 */
export interface LinearProblem {
  /** Unknowns in the order they first appear in the request (canonical names: `x`, `x_1`). */
  readonly unknowns: readonly string[];
  /** The equations in standard form, in the order written; as many as unknowns. */
  readonly equations: readonly LinearEquation[];
  /** The equations as written (normalised), for messages and fallbacks. */
  readonly equationTexts: readonly string[];
  /**
   * The unknowns the request asks for: all unknowns unless it names some
   * ("find x if …"). An answer must state a final value for each.
   */
  readonly asked: readonly string[];
  /** The exact solution. */
  readonly solution: ReadonlyMap<string, Fraction>;
  /**
   * How a bare tuple answer such as "(2, 3)" is read: the unknowns in this
   * order, or `undefined` when the request leaves the order open (then a
   * bare tuple is not accepted as a final answer).
   */
  readonly tupleOrder: readonly string[] | undefined;
  /** The solving method the request asks for, if it names one. */
  readonly method: SolvingMethod | undefined;
  /**
   * The request's words that may change the expected answer beyond the
   * equations (a language, a format, a style: "french", "fraction", "word",
   * "without"), sorted; empty for a plain solve request. Answers are reused
   * only between requests with the same words.
   */
  readonly instruction: readonly string[];
  /**
   * Numbers (absolute values, as exact fractions `a/b`) that the problem
   * itself justifies in prose: its literals, standard-form coefficients and
   * constants, and the multipliers that clear fractions or line up
   * coefficients. Not the solution (see `problemNumbers`).
   */
  readonly justifiedNumbers: ReadonlySet<string>;
}
