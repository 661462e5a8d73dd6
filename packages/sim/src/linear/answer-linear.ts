import type Fraction from 'fraction.js';
import type { Rng } from '../random/rng';
import { slip } from './arithmetic';
import type { LinearSystem } from './linear-equation';
import { solveExactly } from './linear-equation';
import { MathFormatter } from './math-format';
import { analyzePrefix, equationKeys } from './analyze-prefix';
import { applicableMethods, planSolution } from './plan-solution';
import type { FinalFormat, SolutionStyle } from './render-solution';
import { FINAL_FORMATS, renderSolution, SOLUTION_STYLES } from './render-solution';
import type { SolutionMethod, SolutionStep } from './solution-plan';

/** Error rates that apply to linear-equation answers. */
export interface LinearErrorRates {
  /** Probability that a full solution has one arithmetic slip (carried to the answer). */
  arithmeticSlip: number;
  /** Probability that an otherwise correct solution states a wrong final answer line. */
  finalLineSlip: number;
}

/** Result of answering a linear problem. */
export interface LinearAnswer {
  text: string;
  /** Errors injected on purpose (`arithmetic-slip`, `final-line-slip`), for analysis. */
  injected: string[];
}

const plain = new MathFormatter('plain');
const latex = new MathFormatter('latex');

/** Answers a linear system with a worked solution in a per-request style. */
export function answerLinear(system: LinearSystem, rng: Rng, rates: LinearErrorRates): LinearAnswer {
  if (!solveExactly(system)) return { text: noUniqueSolution(system), injected: [] };
  const methods = applicableMethods(system);
  const method: SolutionMethod = methods.length > 1 && rng.fork('method').chance(0.4) ? (methods[1] as SolutionMethod) : (methods[0] as SolutionMethod);
  const look = rng.fork('style');
  const style = look.pick(SOLUTION_STYLES);
  const final = look.pick(FINAL_FORMATS[style]);
  const check = style !== 'chain' && look.chance(0.4);

  const errors = rng.fork('errors');
  const total = planSolution({ system, method, slipAt: null, words: rng.fork('words'), slips: rng.fork('slips') }).computeSteps;
  const slips = errors.chance(rates.arithmeticSlip);
  const slipAt = slips && total > 0 ? errors.int(0, total - 1) : null;
  const finalSlip = errors.chance(rates.finalLineSlip);
  const plan = planSolution({ system, method, slipAt, words: rng.fork('words'), slips: rng.fork('slips') });
  const injected: string[] = [];
  let finalValues: Fraction[] = plan.values;
  if (slips) {
    injected.push('arithmetic-slip');
    // With no step to compute (`x = 4`), the slip can only land in the answer line.
    if (slipAt === null) finalValues = wrongFinal(plan.values, errors);
  } else if (finalSlip) {
    finalValues = wrongFinal(plan.values, errors);
    injected.push('final-line-slip');
  }
  const text = renderSolution(system, plan, plan.steps, finalValues, {
    style,
    final,
    intro: true,
    startNumber: 1,
    continuing: false,
    check,
    words: rng.fork('render'),
  });
  return { text, injected };
}

/**
 * Continues a partial solution: finds how far `prefix` got (by matching its
 * equations against the steps of each applicable method), then writes only
 * the remaining steps in the prefix's layout, numbering on, and a final
 * answer. The slip probability is scaled by the share of computing steps
 * that remain.
 */
export function continueLinear(system: LinearSystem, prefix: string, rng: Rng, rates: LinearErrorRates): LinearAnswer {
  if (!solveExactly(system)) return { text: noUniqueSolution(system), injected: [] };
  const info = analyzePrefix(prefix);
  let best: { method: SolutionMethod; done: number; covered: number } | null = null;
  for (const method of applicableMethods(system)) {
    const plan = planSolution({ system, method, slipAt: null, words: rng.fork('words'), slips: rng.fork('slips') });
    let done = 0;
    let covered = 0;
    plan.steps.forEach((step, i) => {
      if (stepKeys(step).some((k) => info.keys.has(k))) {
        covered++;
        done = i + 1;
      }
    });
    if (!best || covered > best.covered) best = { method, done, covered };
  }
  const chosen = best as { method: SolutionMethod; done: number; covered: number };
  const reference = planSolution({ system, method: chosen.method, slipAt: null, words: rng.fork('words'), slips: rng.fork('slips') });
  const done = chosen.covered > 0 ? chosen.done : Math.min(info.stepCount, reference.steps.length);

  const computeBefore = reference.steps.slice(0, done).filter((s) => s.computes).length;
  const total = reference.computeSteps;
  const remaining = total - computeBefore;
  const errors = rng.fork('errors');
  const slipRate = total > 0 ? rates.arithmeticSlip * (remaining / total) : 0;
  const slipAt = remaining > 0 && errors.chance(slipRate) ? errors.int(computeBefore, total - 1) : null;
  const finalSlip = errors.chance(rates.finalLineSlip);
  const plan = planSolution({ system, method: chosen.method, slipAt, words: rng.fork('words'), slips: rng.fork('slips') });
  const injected: string[] = [];
  if (slipAt !== null) injected.push('arithmetic-slip');
  let finalValues: Fraction[] = plan.values;
  if (slipAt === null && finalSlip) {
    finalValues = wrongFinal(plan.values, errors);
    injected.push('final-line-slip');
  }
  const style: SolutionStyle = info.style;
  const look = rng.fork('style');
  const final: FinalFormat = look.pick(FINAL_FORMATS[style]);
  const text = renderSolution(system, plan, plan.steps.slice(done), finalValues, {
    style,
    final,
    intro: false,
    startNumber: info.lastNumber + 1,
    continuing: done > 0,
    check: false,
    words: rng.fork('render'),
  });
  return { text, injected };
}

function stepKeys(step: SolutionStep): string[] {
  const lines = [...step.math(plain), ...step.chain(plain), ...step.math(latex)];
  return lines.flatMap((line) => equationKeys(line));
}

function wrongFinal(values: Fraction[], rng: Rng): Fraction[] {
  const out = [...values];
  const distinct = values.length > 1 && !values.every((v) => v.equals(values[0] as Fraction));
  if (distinct && rng.chance(0.3)) {
    const reversed = [...values].reverse();
    if (reversed.some((v, i) => !v.equals(values[i] as Fraction))) return reversed;
  }
  const i = rng.int(0, out.length - 1);
  out[i] = slip(out[i] as Fraction, rng);
  return out;
}

function noUniqueSolution(system: LinearSystem): string {
  const list = system.sources.join(', ');
  return `Looking at ${list}, the equations are not independent, so there is no unique solution for ${system.variables.join(', ')}.`;
}
