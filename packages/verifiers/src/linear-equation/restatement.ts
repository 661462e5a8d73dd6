import Fraction from 'fraction.js';
import type { LinearForm } from './expression';
import type { Relation } from './extract-equations';
import { gcd } from './integers';
import { addForms, formatForm, formOf, formsEqual, isIntegralForm, isZeroForm, ratioOf, scaleForm } from './linear-form';

/** An equation in the unknowns with each side as written, simplified to a linear polynomial. */
export interface SidedEquation {
  readonly left: LinearForm;
  readonly right: LinearForm;
  /** `left - right`: the equation in the form `S = 0`. */
  readonly standard: LinearForm;
}

/** How a later equation stands to an earlier one (see {@link restates}). */
export type Restatement = 'restates' | 'unrelated' | 'inconsistent';

const ONE = new Fraction(1);

/** An equation from two linear sides. */
export function sidedEquation(left: LinearForm, right: LinearForm): SidedEquation {
  return { left, right, standard: addForms(left, right, ONE.neg()) };
}

const sidedOf = new WeakMap<Relation, readonly SidedEquation[] | null>();

/**
 * The equations a relation states in the unknowns, first side against each
 * later one (`x = 4/2 = 2` states `x = 4/2` and `x = 2`); the sides after an
 * `≈` are left out (a rounded value is not an equation). Empty when a side is
 * not linear, when no side has an unknown (arithmetic), or when the relation
 * is an identity (`3(x - 2) = 3x - 6` is a rewrite, not an equation).
 * Memoised per relation.
 */
export function relationEquations(relation: Relation): readonly SidedEquation[] {
  let equations = sidedOf.get(relation);
  if (equations === undefined) {
    equations = null;
    const exact = relation.ops.indexOf('≈');
    const sides = exact === -1 ? relation.sides : relation.sides.slice(0, exact + 1);
    const linear = sides.map(formOf);
    if (sides.length >= 2 && linear.every((f) => f !== undefined) && linear.some((f) => (f as LinearForm).coefficients.size > 0)) {
      const first = linear[0] as LinearForm;
      const list = linear.slice(1).map((side) => sidedEquation(first, side as LinearForm));
      if (list.some((eq) => !isZeroForm(eq.standard))) equations = list.filter((eq) => !isZeroForm(eq.standard));
    }
    sidedOf.set(relation, equations);
  }
  return equations ?? [];
}

/** Every pair of sides of a relation as an equation (`a = b = c`: a = b, a = c, b = c), for matching a result. */
export function relationPairs(relation: Relation): SidedEquation[] {
  const exact = relation.ops.indexOf('≈');
  const sides = (exact === -1 ? relation.sides : relation.sides.slice(0, exact + 1)).map(formOf);
  const out: SidedEquation[] = [];
  for (let i = 0; i < sides.length; i += 1) {
    for (let j = i + 1; j < sides.length; j += 1) {
      const a = sides[i];
      const b = sides[j];
      if (a && b) out.push(sidedEquation(a, b));
    }
  }
  return out;
}

/** Whether two equations have the same sides, in the same or the swapped order. */
export function sameSides(a: SidedEquation, b: SidedEquation): boolean {
  return (formsEqual(a.left, b.left) && formsEqual(a.right, b.right)) || (formsEqual(a.left, b.right) && formsEqual(a.right, b.left));
}

/** One side is a lone unknown (coefficient ±1) that the other side does not contain: `x = 7/3`, `x = 3y - 17`. */
export function isolates(eq: SidedEquation): boolean {
  const lone = (side: LinearForm, other: LinearForm) => {
    if (side.coefficients.size !== 1 || !side.constant.equals(0)) return false;
    const [[name, c]] = [...side.coefficients] as [[string, Fraction]];
    return c.abs().equals(ONE) && !other.coefficients.has(name);
  };
  return lone(eq.left, eq.right) || lone(eq.right, eq.left);
}

/**
 * Whether the equation is in reduced standard layout: unknowns only on one
 * side, a constant alone on the other, all integers with no common factor
 * (`2x - 3y = 5`, `7 = 2q`).
 */
export function reducedStandard(eq: SidedEquation): boolean {
  const layout = (terms: LinearForm, constant: LinearForm) =>
    terms.coefficients.size > 0 && terms.constant.equals(0) && constant.coefficients.size === 0;
  if (!layout(eq.left, eq.right) && !layout(eq.right, eq.left)) return false;
  if (!isIntegralForm(eq.standard)) return false;
  let divisor = eq.standard.constant.abs().n;
  for (const c of eq.standard.coefficients.values()) divisor = gcd(divisor, c.abs().n);
  return divisor === 1n;
}

/**
 * Whether `b`, written right after `a` with no operation named between
 * them, restates `a` — the rule for simplification lines. `b` restates `a`
 * when, as linear polynomials:
 * 1. each side of `b` equals the corresponding side of `a`, or the sides are
 *    swapped (expanding, collecting terms, working out arithmetic);
 * 2. `b` is `a` with terms moved across: `S_b = ±S_a` for `S = left − right`;
 * 3. each side of `b` is the same multiple `k` of the corresponding side of
 *    `a` (multiplying or dividing through: `7x = 28` → `x = 4`);
 * 4. `b` is a multiple of `a` that isolates an unknown (`2x + 3 = 7` →
 *    `x = 2`, `2x − 4y = 6` → `x = 2y + 3`): solving in one go;
 * 5. `b` is a multiple of `a` in reduced standard layout — the unknowns on
 *    one side with coprime integer coefficients, a constant alone on the
 *    other (`0 = −3n − 1.5` → `2n = −1`, `4q + 14 = 0` → `2q = −7`):
 *    collecting terms, clearing fractions and dividing out a common factor
 *    in one go.
 *
 * Rules 4 and 5 accept only a form that is unique for the equation, so
 * they never excuse a line whose sides were simplified wrongly. Any other
 * multiple is `inconsistent`: the line does not follow from the one before,
 * even though both may hold at the solution (`−3p + 4·(−11/2) + 7·(−1) =
 * −38` → `−2p − 32 = −38`: the left side simplifies to −3p − 29, and
 * (2/3)·S is no operation a reader can follow; `2n = 2m + 10` with
 * n = 7m + 15 → `(7m + 15) − 4m = 10`: a quarter of the substituted
 * equation, with sides that match nothing written).
 * Equations that are not multiples of each other are `unrelated`: a new
 * equation (another of the system, a combination) that this rule does not
 * judge.
 */
export function restates(a: SidedEquation, b: SidedEquation): Restatement {
  const k = ratioOf(a.standard, b.standard);
  if (k === undefined || k.equals(0)) return 'unrelated';
  if (sameSides(a, b) || k.abs().equals(ONE)) return 'restates';
  const scaled = (x: LinearForm, y: LinearForm, factor: Fraction) => formsEqual(scaleForm(x, factor), y);
  if (scaled(a.left, b.left, k) && scaled(a.right, b.right, k)) return 'restates';
  if (scaled(a.left, b.right, k.neg()) && scaled(a.right, b.left, k.neg())) return 'restates';
  if (isolates(b) || reducedStandard(b)) return 'restates';
  return 'inconsistent';
}

/** `2x + 3 = 7`, for messages. */
export function equationText(eq: SidedEquation): string {
  return `${formatForm(eq.left)} = ${formatForm(eq.right)}`;
}
