import Fraction from 'fraction.js';

/** One term of an equation side: `coef·variable`, or a constant when `variable` is undefined. */
export interface Term {
  readonly coef: Fraction;
  readonly variable?: string;
}

/** A bracketed group `factor(inner)`, e.g. `3(x - 2)`. */
export interface Group {
  readonly factor: Fraction;
  readonly inner: readonly Term[];
}

/** A side of an equation: terms and at most one bracketed group, written in order. */
export type SidePart = Term | Group;

/** An equation as written: its two sides. */
export interface WrittenEquation {
  readonly left: readonly SidePart[];
  readonly right: readonly SidePart[];
}

/** An equation in standard form over an ordered list of variables. */
export interface Standard {
  readonly coeffs: Fraction[];
  readonly rhs: Fraction;
}

/** True for a bracketed group. */
export function isGroup(part: SidePart): part is Group {
  return 'inner' in part;
}

function flatten(side: readonly SidePart[]): Term[] {
  return side.flatMap((part) => (isGroup(part) ? part.inner.map((t) => ({ ...t, coef: t.coef.mul(part.factor) })) : [part]));
}

/** Moves every variable term left and every constant right. */
export function standardForm(equation: WrittenEquation, variables: readonly string[]): Standard {
  const coeffs = variables.map(() => new Fraction(0));
  let rhs = new Fraction(0);
  for (const [side, sign] of [
    [equation.left, 1],
    [equation.right, -1],
  ] as const) {
    for (const term of flatten(side)) {
      if (term.variable === undefined) {
        rhs = rhs.sub(term.coef.mul(sign));
        continue;
      }
      const i = variables.indexOf(term.variable);
      if (i < 0) throw new RangeError(`variable ${term.variable} is not among ${variables.join(', ')}`);
      coeffs[i] = (coeffs[i] as Fraction).add(term.coef.mul(sign));
    }
  }
  return { coeffs, rhs };
}

/**
 * Solves a square system exactly by Gauss–Jordan elimination. Returns the
 * solution in variable order, or null when the system has no unique solution.
 */
export function solveSystem(equations: readonly Standard[]): Fraction[] | null {
  const n = equations.length;
  const rows = equations.map((e) => {
    if (e.coeffs.length !== n) throw new RangeError(`a ${n}×${n} system needs ${n} coefficients per equation`);
    return [...e.coeffs, e.rhs];
  });
  for (let col = 0; col < n; col++) {
    const pivot = rows.findIndex((row, r) => r >= col && !(row[col] as Fraction).equals(0));
    if (pivot < 0) return null;
    [rows[col], rows[pivot]] = [rows[pivot] as Fraction[], rows[col] as Fraction[]];
    const top = rows[col] as Fraction[];
    const lead = top[col] as Fraction;
    for (let c = col; c <= n; c++) top[c] = (top[c] as Fraction).div(lead);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r] as Fraction[];
      const factor = row[col] as Fraction;
      if (factor.equals(0)) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as Fraction).sub(factor.mul(top[c] as Fraction));
    }
  }
  return rows.map((row) => row[n] as Fraction);
}

/** Renames the variables of an equation. */
export function renameEquation(equation: WrittenEquation, mapping: ReadonlyMap<string, string>): WrittenEquation {
  const term = (t: Term): Term => (t.variable === undefined ? t : { coef: t.coef, variable: mapping.get(t.variable) ?? t.variable });
  const side = (s: readonly SidePart[]) => s.map((p) => (isGroup(p) ? { factor: p.factor, inner: p.inner.map(term) } : term(p)));
  return { left: side(equation.left), right: side(equation.right) };
}
