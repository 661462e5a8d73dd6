import Fraction from 'fraction.js';
import { evaluate, type Expr } from './expression';

const NO_VALUES: ReadonlyMap<string, Fraction> = new Map();
const ONE = new Fraction(1);

/**
 * One term of a side as the user wrote it: a signed coefficient times a
 * constant `1`, one variable, or a bracketed group of terms (`3(x + 2)`).
 * The coefficient carries the sign of the operator in front of the term, so
 * `2x - 4` and `2x + 5` have the same layout with coefficients (2, −4) and (2, 5).
 */
export type LayoutTerm =
  | { readonly kind: 'constant'; readonly coefficient: Fraction }
  | { readonly kind: 'variable'; readonly coefficient: Fraction; readonly name: string }
  | { readonly kind: 'group'; readonly coefficient: Fraction; readonly terms: readonly LayoutTerm[] };

function constantValue(expr: Expr): Fraction | undefined {
  return evaluate(expr, NO_VALUES);
}

function isSum(expr: Expr): boolean {
  return expr.kind === 'add' || expr.kind === 'sub';
}

function flattenInto(expr: Expr, factor: Fraction, into: LayoutTerm[]): boolean {
  switch (expr.kind) {
    case 'num':
      into.push({ kind: 'constant', coefficient: factor.mul(expr.value) });
      return true;
    case 'var':
      into.push({ kind: 'variable', coefficient: factor, name: expr.name });
      return true;
    case 'neg':
      return flattenInto(expr.arg, factor.neg(), into);
    case 'add':
    case 'sub':
      return flattenInto(expr.left, factor, into) && flattenInto(expr.right, expr.kind === 'sub' ? factor.neg() : factor, into);
    case 'mul':
    case 'div': {
      const right = constantValue(expr.right);
      const left = expr.kind === 'mul' ? constantValue(expr.left) : undefined;
      let scale: Fraction;
      let rest: Expr;
      if (right !== undefined && !right.equals(0)) {
        scale = expr.kind === 'mul' ? right : right.inverse();
        rest = expr.left;
      } else if (left !== undefined) {
        scale = left;
        rest = expr.right;
      } else {
        return false;
      }
      if (isSum(rest)) {
        const terms: LayoutTerm[] = [];
        if (!flattenInto(rest, ONE, terms)) return false;
        into.push({ kind: 'group', coefficient: factor.mul(scale), terms });
        return true;
      }
      return flattenInto(rest, factor.mul(scale), into);
    }
    default:
      return false;
  }
}

/**
 * The terms of one side of an equation as written, or `undefined` when the
 * side is not a sum of constant multiples of constants, variables and
 * bracketed sums (products of unknowns, powers, functions).
 */
export function sideLayout(expr: Expr): LayoutTerm[] | undefined {
  const terms: LayoutTerm[] = [];
  return flattenInto(expr, ONE, terms) ? terms : undefined;
}

/**
 * A key that two layouts share exactly when they have the same terms in the
 * same order (constants, the same variables, groups with the same inner
 * layout), whatever the coefficients' values and signs. `rename` maps
 * variable names first.
 */
export function layoutKey(terms: readonly LayoutTerm[], rename?: ReadonlyMap<string, string>): string {
  return terms
    .map((t) => {
      if (t.kind === 'constant') return 'c';
      if (t.kind === 'variable') return `v:${rename?.get(t.name) ?? t.name}`;
      return `g[${layoutKey(t.terms, rename)}]`;
    })
    .join(',');
}

/** One coefficient of a layout: its value and whether it multiplies a variable or group, or is a constant. */
export interface LayoutSlot {
  readonly value: Fraction;
  readonly kind: 'coefficient' | 'constant';
}

/** The coefficients of a layout in reading order (a group's own coefficient before its terms). */
export function layoutSlots(terms: readonly LayoutTerm[], into: LayoutSlot[] = []): LayoutSlot[] {
  for (const t of terms) {
    into.push({ value: t.coefficient, kind: t.kind === 'constant' ? 'constant' : 'coefficient' });
    if (t.kind === 'group') layoutSlots(t.terms, into);
  }
  return into;
}
