import Fraction from 'fraction.js';

/** A linear equation `Σ coeffs[i]·variables[i] = rhs`, coefficients aligned with its system's variables. */
export interface LinearEquation {
  /** One coefficient per variable of the system. */
  coeffs: Fraction[];
  /** The constant on the right-hand side. */
  rhs: Fraction;
}

/** One side of a displayed equation: variable terms plus a constant. */
export interface Side {
  /** One coefficient per variable of the system. */
  coeffs: Fraction[];
  /** The constant term. */
  constant: Fraction;
}

/** A linear system read from a prompt. */
export interface LinearSystem {
  /** Variable names, sorted (x, y, z / a, b, c). */
  variables: string[];
  /** The equations, moved to `Σ c·v = rhs` form. */
  equations: LinearEquation[];
  /** Each equation as written in the prompt (normalised spacing), for restating it. */
  sources: string[];
  /** Each equation as `left = right` sides, as written (before moving terms). */
  sides: Array<{ left: Side; right: Side }>;
}

/** Fraction zero. */
export const ZERO = new Fraction(0);
/** Fraction one. */
export const ONE = new Fraction(1);

/** True when `f` is 0. */
export function isZero(f: Fraction): boolean {
  return f.n === 0n;
}

/** True when `f` is an integer. */
export function isInteger(f: Fraction): boolean {
  return f.d === 1n;
}

/** `a·e1 + b·e2`, coefficient-wise. */
export function combine(e1: LinearEquation, a: Fraction, e2: LinearEquation, b: Fraction): LinearEquation {
  return {
    coeffs: e1.coeffs.map((c, i) => c.mul(a).add((e2.coeffs[i] ?? ZERO).mul(b))),
    rhs: e1.rhs.mul(a).add(e2.rhs.mul(b)),
  };
}

/** `k·e`. */
export function scale(e: LinearEquation, k: Fraction): LinearEquation {
  return { coeffs: e.coeffs.map((c) => c.mul(k)), rhs: e.rhs.mul(k) };
}

/**
 * Solves the system exactly (Gauss-Jordan over fractions). Returns null when
 * it has no unique solution.
 */
export function solveExactly(system: Pick<LinearSystem, 'variables' | 'equations'>): Fraction[] | null {
  const n = system.variables.length;
  if (system.equations.length < n) return null;
  const rows = system.equations.slice(0, n).map((e) => [...e.coeffs, e.rhs]);
  for (let col = 0; col < n; col++) {
    const pivot = rows.findIndex((row, r) => r >= col && !isZero(row[col] ?? ZERO));
    if (pivot < 0) return null;
    const tmp = rows[col] as Fraction[];
    rows[col] = rows[pivot] as Fraction[];
    rows[pivot] = tmp;
    const pivotRow = rows[col] as Fraction[];
    const p = pivotRow[col] as Fraction;
    for (let c = 0; c <= n; c++) pivotRow[c] = (pivotRow[c] as Fraction).div(p);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r] as Fraction[];
      const factor = row[col] as Fraction;
      if (isZero(factor)) continue;
      for (let c = 0; c <= n; c++) row[c] = (row[c] as Fraction).sub(factor.mul(pivotRow[c] as Fraction));
    }
  }
  return rows.map((row) => row[n] as Fraction);
}
