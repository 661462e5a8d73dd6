import Fraction from 'fraction.js';
import type { LinearTruth } from '../workload/workload-request';
import type { StatedNumber } from './answer-text';
import { sameNumber } from './answer-text';
import type { CheckResult } from './check-result';
import { checkResult } from './check-result';
import { readFinalValues } from './read-final-values';

function satisfies(truth: LinearTruth, values: ReadonlyMap<string, StatedNumber>): boolean {
  // Substitution with exact stated values; a rounded decimal counts when the exact solution it stands for does.
  const exact = truth.variables.map((v, i) => {
    const stated = values.get(v) as StatedNumber;
    const solution = new Fraction(truth.values[i] as string);
    return sameNumber(stated, solution) ? solution : stated.value;
  });
  return truth.equations.every((e) => {
    const left = e.coeffs.reduce((acc, c, i) => acc.add(new Fraction(c).mul(exact[i] as Fraction)), new Fraction(0));
    return left.equals(new Fraction(e.rhs));
  });
}

/**
 * Checks a worked linear solution against the generator's truth: the task
 * check reads the final values (every unknown stated, no foreign unknown,
 * the values satisfy each equation by substitution); the final-answer check
 * compares them with the exact solution.
 */
export function checkLinear(truth: LinearTruth, text: string): CheckResult {
  const { values, foreign } = readFinalValues(text, truth.variables);
  const missing = truth.variables.filter((v) => !values.has(v));
  if (missing.length > 0) return checkResult(false, false, `no final value for ${missing.join(', ')}`);
  const finalAnswer = truth.variables.every((v, i) => sameNumber(values.get(v) as StatedNumber, new Fraction(truth.values[i] as string)));
  const consistent = satisfies(truth, values);
  const taskCheck = consistent && foreign.length === 0;
  const stated = truth.variables.map((v) => `${v} = ${(values.get(v) as StatedNumber).value.toFraction()}`).join(', ');
  const reason = foreign.length > 0 ? `assigns unknowns of another problem (${foreign.join(', ')})` : `states ${stated}, expected ${truth.variables.map((v, i) => `${v} = ${truth.values[i] as string}`).join(', ')}`;
  return checkResult(taskCheck, finalAnswer, reason);
}
