import type Fraction from 'fraction.js';
import type { MathFormatter } from './math-format';

/** One worked step of a simulated solution. */
export interface SolutionStep {
  /** What the step does, as an imperative phrase without final period ("Subtract 3 from both sides"). */
  describe: (fmt: MathFormatter) => string;
  /** The equations the step produces, one string each. */
  math: (fmt: MathFormatter) => string[];
  /** The same step as a calculation chain (`2x = 7 - 3 = 4`), for the terse style. */
  chain: (fmt: MathFormatter) => string[];
  /** True when the step does arithmetic (so a slip can hit it). */
  computes: boolean;
  /** How two equations of `math` read in one line: `a, so b` (a derivation) or `a and b` (default). */
  joiner?: 'so' | 'and';
}

/** How a system is solved. */
export type SolutionMethod = 'isolate' | 'elimination' | 'substitution';

/** A worked solution: steps and the values they arrive at (wrong if a slip hit a step). */
export interface SolutionPlan {
  /** The method used. */
  method: SolutionMethod;
  /** The steps, in order. */
  steps: SolutionStep[];
  /** The values the steps arrive at, aligned with the system's variables. */
  values: Fraction[];
}
