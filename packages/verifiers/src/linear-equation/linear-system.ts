import Fraction from 'fraction.js';
import nerdamer from 'nerdamer';
import { linearise, type Expr } from './expression';

/** One linear equation in standard form: `Σ coefficients[v]·v = constant`. */
export interface LinearEquation {
  /** Non-zero coefficients by variable name. */
  readonly coefficients: ReadonlyMap<string, Fraction>;
  readonly constant: Fraction;
}

const ZERO = new Fraction(0);

/** Orders variable names as people list them: by letter, then by subscript (`x`, `x_1`, `x_2`, `y`). */
export function naturalOrder(a: string, b: string): number {
  const [la, sa] = a.split('_');
  const [lb, sb] = b.split('_');
  if (la !== lb) return (la as string) < (lb as string) ? -1 : 1;
  return Number(sa ?? -1) - Number(sb ?? -1);
}

/**
 * A canonical text for an equation, with its variables renamed by `rename`
 * when given: two equations get the same key exactly when they have the same
 * coefficients and constant.
 */
export function equationKey(eq: LinearEquation, rename?: ReadonlyMap<string, string>): string {
  const terms = [...eq.coefficients]
    .map(([v, c]) => [rename?.get(v) ?? v, c] as const)
    .sort(([a], [b]) => naturalOrder(a, b))
    .map(([v, c]) => `${c.toFraction()}${v}`);
  return `${terms.join('+')}=${eq.constant.toFraction()}`;
}

/** `left = right` in standard form, or `undefined` when either side is not linear. */
export function equationFromSides(left: Expr, right: Expr): LinearEquation | undefined {
  const l = linearise(left);
  const r = linearise(right);
  if (!l || !r) return undefined;
  const coefficients = new Map(l.coefficients);
  for (const [name, c] of r.coefficients) {
    const value = (coefficients.get(name) ?? ZERO).sub(c);
    if (value.equals(ZERO)) coefficients.delete(name);
    else coefficients.set(name, value);
  }
  return { coefficients, constant: r.constant.sub(l.constant) };
}

/**
 * Solves a square system exactly by Gauss–Jordan elimination over rationals.
 * Returns `undefined` unless the system has exactly one solution. This is the
 * hot-path solver (a few microseconds for 3×3); {@link solveWithNerdamer}
 * checks it independently where an answer is written from scratch.
 */
export function solveLinearSystem(
  equations: readonly LinearEquation[],
  unknowns: readonly string[],
): ReadonlyMap<string, Fraction> | undefined {
  const n = unknowns.length;
  if (n === 0 || equations.length !== n) return undefined;
  const rows = equations.map((eq) => [...unknowns.map((u) => eq.coefficients.get(u) ?? ZERO), eq.constant]);
  for (let col = 0; col < n; col += 1) {
    const pivot = rows.findIndex((row, r) => r >= col && !(row[col] as Fraction).equals(ZERO));
    if (pivot === -1) return undefined;
    [rows[col], rows[pivot]] = [rows[pivot] as Fraction[], rows[col] as Fraction[]];
    const pivotRow = rows[col] as Fraction[];
    const p = pivotRow[col] as Fraction;
    for (let k = col; k <= n; k += 1) pivotRow[k] = (pivotRow[k] as Fraction).div(p);
    for (let r = 0; r < n; r += 1) {
      const row = rows[r] as Fraction[];
      const factor = row[col] as Fraction;
      if (r === col || factor.equals(ZERO)) continue;
      for (let k = col; k <= n; k += 1) row[k] = (row[k] as Fraction).sub(factor.mul(pivotRow[k] as Fraction));
    }
  }
  return new Map(unknowns.map((u, i) => [u, (rows[i] as Fraction[])[n] as Fraction]));
}

/** The part of nerdamer's core this module uses. */
interface NerdamerCore {
  PARSER: { parse(expression: string): { elements?: { toString(): string }[][] } };
}

/**
 * Solves the system with nerdamer (exact matrix inversion, `A⁻¹·b`). Slower
 * than {@link solveLinearSystem} (hundreds of microseconds), so it is only
 * used to cross-check answers written from scratch. Uses the core parser
 * directly, which — unlike `nerdamer(expr)` — does not append to nerdamer's
 * global expression list.
 */
export function solveWithNerdamer(
  equations: readonly LinearEquation[],
  unknowns: readonly string[],
): ReadonlyMap<string, Fraction> | undefined {
  if (unknowns.length === 0 || equations.length !== unknowns.length) return undefined;
  const matrix = equations
    .map((eq) => `[${unknowns.map((u) => (eq.coefficients.get(u) ?? ZERO).toFraction()).join(',')}]`)
    .join(',');
  const vector = equations.map((eq) => `[${eq.constant.toFraction()}]`).join(',');
  const core = nerdamer.getCore() as NerdamerCore;
  try {
    const result = core.PARSER.parse(`invert(matrix(${matrix}))*matrix(${vector})`);
    const column = result.elements;
    if (!column || column.length !== unknowns.length) return undefined;
    return new Map(unknowns.map((u, i) => [u, new Fraction(String(column[i]?.[0]))]));
  } catch {
    // nerdamer throws on a singular matrix ("Division by zero").
    return undefined;
  }
}
