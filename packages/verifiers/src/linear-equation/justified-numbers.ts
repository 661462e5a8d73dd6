import Fraction from 'fraction.js';
import { lcm } from './integers';
import type { LinearEquation } from './linear-system';

/** Key of a number in a justification set: its absolute value as an exact fraction. */
export function numberKey(value: Fraction): string {
  return value.abs().toFraction();
}

/**
 * The numbers a step may mention in prose without writing an equation for
 * them: every literal of the problem, the factors that clear its fractions
 * and decimals (the denominators' LCM, 10, 100, 1000), the coefficients (and
 * their reciprocals) and constants of its standard form (also after clearing
 * denominators), the factors that make two equations' coefficients of one unknown
 * equal (for elimination) and the count of unknowns. The solution is not
 * among them: prose may mention a value of an unknown only once a step has
 * stated it, so "subtract 3" copied from another problem is not excused by
 * the new solution happening to be 3.
 */
export function problemNumbers(
  literals: readonly Fraction[],
  equations: readonly LinearEquation[],
  unknowns: readonly string[],
): Set<string> {
  const keys = new Set<string>();
  const add = (value: Fraction) => keys.add(numberKey(value));
  literals.forEach(add);
  // "Multiply by 10 to clear the decimals", "multiply by 6 to clear the fractions".
  add(new Fraction(lcm(literals.map((v) => v.d))));
  for (let power = 10n; literals.some((v) => v.d % 2n === 0n || v.d % 5n === 0n) && power <= 1000n; power *= 10n) {
    add(new Fraction(power));
  }
  add(new Fraction(unknowns.length));
  const integerForms: bigint[][] = [];
  for (const eq of equations) {
    const values = [...eq.coefficients.values(), eq.constant];
    values.forEach(add);
    // "Multiply both sides by 3/2", the reciprocal of a coefficient.
    for (const c of eq.coefficients.values()) add(c.inverse());
    const clear = lcm(values.map((v) => v.d));
    add(new Fraction(clear));
    const scaled = values.map((v) => v.mul(new Fraction(clear)));
    scaled.forEach(add);
    integerForms.push(unknowns.map((u) => (eq.coefficients.get(u) ?? new Fraction(0)).mul(new Fraction(clear)).abs().n));
  }
  unknowns.forEach((_, j) => {
    const column = integerForms.map((row) => row[j] ?? 0n).filter((v) => v !== 0n);
    const common = lcm(column);
    add(new Fraction(common));
    for (const v of column) add(new Fraction(common / v));
  });
  return keys;
}
