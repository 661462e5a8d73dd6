import Fraction from 'fraction.js';
import type { Expr } from './expression';
import { analyseText } from './extract-equations';
import { lcm } from './integers';
import type { LinearProblem } from './linear-problem';
import type { LinearEquation } from './linear-system';
import { layoutKey, layoutSlots, sideLayout, type LayoutSlot, type LayoutTerm } from './term-layout';
import { toIntegerRow } from './write-solution';

/**
 * One number of the cached problem and the number in the same role in the
 * new problem (`w2`: the third written coefficient, `e0.x`: the coefficient
 * of x in the first equation's standard form, `x`: the value of x).
 */
export interface Atom {
  /** The role, for tests and debugging: `w<i>`, `e<i>.<unknown>`, `e<i>.k`, `r<i>.…`, an unknown's name, `lcm`, `dec`. */
  readonly label: string;
  /** Its value in the cached problem. */
  readonly old: Fraction;
  /** Its value in the new problem. */
  readonly next: Fraction;
  /**
   * What the number is where it stands: a coefficient (of a variable or a
   * bracket) or a constant term; absent for values and factors. A number of
   * a step prefers atoms of its own kind.
   */
  readonly kind?: 'coefficient' | 'constant';
}

/**
 * A cached problem and a new one of the same structure, with the cached
 * problem's unknowns already renamed to the new names.
 */
export interface ProblemPair {
  /** The unknowns, new names, in the new problem's order. */
  readonly unknowns: readonly string[];
  /** The cached problem's standard-form equations, in the new names. */
  readonly oldEquations: readonly LinearEquation[];
  /** The new problem's standard-form equations, aligned with `oldEquations`. */
  readonly newEquations: readonly LinearEquation[];
  /** The cached problem's solution, in the new names. */
  readonly oldSolution: ReadonlyMap<string, Fraction>;
  /** The new problem's solution. */
  readonly newSolution: ReadonlyMap<string, Fraction>;
  /** The aligned numbers of the two problems, in order of preference (no two with the same pair of values). */
  readonly atoms: readonly Atom[];
}

interface WrittenForm {
  /** Left and right layout of each equation. */
  readonly sides: readonly (readonly [LayoutTerm[], LayoutTerm[]])[];
  /** Most decimals any literal shows. */
  readonly decimals: number;
}

const writtenForms = new WeakMap<LinearProblem, WrittenForm | null>();

function maxDecimals(expr: Expr): number {
  switch (expr.kind) {
    case 'num':
      return expr.decimals;
    case 'var':
      return 0;
    case 'neg':
    case 'func':
      return maxDecimals(expr.arg);
    case 'tuple':
      return Math.max(0, ...expr.items.map(maxDecimals));
    default:
      return Math.max(maxDecimals(expr.left), maxDecimals(expr.right));
  }
}

/** The problem's equations as written, as term layouts (memoised per problem). */
function writtenForm(problem: LinearProblem): WrittenForm | undefined {
  const hit = writtenForms.get(problem);
  if (hit !== undefined) return hit ?? undefined;
  let form: WrittenForm | null = null;
  const sides: [LayoutTerm[], LayoutTerm[]][] = [];
  let decimals = 0;
  for (const text of problem.equationTexts) {
    const relation = analyseText(text).relations[0];
    if (!relation || relation.sides.length !== 2) break;
    const left = sideLayout(relation.sides[0] as Expr);
    const right = sideLayout(relation.sides[1] as Expr);
    if (!left || !right) break;
    sides.push([left, right]);
    decimals = Math.max(decimals, ...relation.sides.map(maxDecimals));
  }
  if (sides.length === problem.equationTexts.length && sides.length === problem.equations.length) form = { sides, decimals };
  writtenForms.set(problem, form);
  return form ?? undefined;
}

function renameEquation(eq: LinearEquation, mapping: ReadonlyMap<string, string>): LinearEquation {
  return {
    coefficients: new Map([...eq.coefficients].map(([name, c]) => [mapping.get(name) ?? name, c])),
    constant: eq.constant,
  };
}

const ZERO = new Fraction(0);

/**
 * Pairs a cached problem with a new one when they have the same structure,
 * or returns `undefined` when they do not (or when nothing but names
 * differs, so there is nothing to re-derive).
 *
 * Same structure means: as many unknowns and equations; under `mapping`
 * (cached name → new name, as from `variableMapping`) every equation, in the
 * order written, has the same term layout on each side — the same sequence
 * of constants, variables and bracketed groups — whatever the values and
 * signs of the coefficients (`2x + 3 = 7` and `2x - 5 = 11` match; `2x + 3 = 7`
 * and `3 + 2x = 7` or `2(x + 1) = 7` do not). A coefficient of 1 written
 * implicitly (`x`) that becomes explicit (`4x`) still matches: steps that
 * depend on the hidden 1 then fail verification and are patched.
 *
 * The atoms are, in this order of preference: the written coefficients and
 * constants with their signs (`w<i>`, plus numerator `w<i>.n` and
 * denominator `w<i>.d` of fractional ones when neither problem has decimals), the standard-form coefficients
 * and constants (`e<i>.<u>`, `e<i>.k`), the coprime integer rows the
 * fallback writes (`r<i>.<u>`, `r<i>.k`), the solution values (`<u>`), and
 * the factors that clear fractions (`lcm`) and decimals (`dec`).
 */
export function pairProblems(
  cached: LinearProblem,
  next: LinearProblem,
  mapping: ReadonlyMap<string, string>,
): ProblemPair | undefined {
  if (cached.unknowns.length !== next.unknowns.length || cached.equations.length !== next.equations.length) return undefined;
  const oldForm = writtenForm(cached);
  const newForm = writtenForm(next);
  if (!oldForm || !newForm || oldForm.sides.length !== newForm.sides.length) return undefined;
  const oldSlots: LayoutSlot[] = [];
  const newSlots: LayoutSlot[] = [];
  for (let i = 0; i < oldForm.sides.length; i += 1) {
    const [oldLeft, oldRight] = oldForm.sides[i] as readonly [LayoutTerm[], LayoutTerm[]];
    const [newLeft, newRight] = newForm.sides[i] as readonly [LayoutTerm[], LayoutTerm[]];
    if (layoutKey(oldLeft, mapping) !== layoutKey(newLeft) || layoutKey(oldRight, mapping) !== layoutKey(newRight)) return undefined;
    layoutSlots(oldLeft, oldSlots);
    layoutSlots(oldRight, oldSlots);
    layoutSlots(newLeft, newSlots);
    layoutSlots(newRight, newSlots);
  }
  const oldCoefficients = oldSlots.map((slot) => slot.value);
  const newCoefficients = newSlots.map((slot) => slot.value);
  if (oldCoefficients.every((c, i) => c.equals(newCoefficients[i] as Fraction))) return undefined;

  const unknowns = next.unknowns;
  const oldEquations = cached.equations.map((eq) => renameEquation(eq, mapping));
  const newEquations = next.equations;
  const oldSolution = new Map([...cached.solution].map(([u, v]) => [mapping.get(u) ?? u, v]));
  if (unknowns.some((u) => !oldSolution.has(u))) return undefined;

  const atoms: Atom[] = [];
  const seen = new Set<string>();
  const add = (label: string, old: Fraction, value: Fraction, kind?: 'coefficient' | 'constant') => {
    const key = `${old.toFraction()}|${value.toFraction()}|${kind ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    atoms.push(kind === undefined ? { label, old, next: value } : { label, old, next: value, kind });
  };
  oldCoefficients.forEach((c, i) => add(`w${i}`, c, newCoefficients[i] as Fraction, oldSlots[i]?.kind));
  // Numerators and denominators only of fractions written as fractions, not of decimals.
  oldCoefficients.forEach((c, i) => {
    const n = newCoefficients[i] as Fraction;
    if ((c.d === 1n && n.d === 1n) || oldForm.decimals > 0 || newForm.decimals > 0) return;
    add(`w${i}.n`, new Fraction(c.n), new Fraction(n.n));
    add(`w${i}.d`, new Fraction(c.d), new Fraction(n.d));
  });
  oldEquations.forEach((eq, i) => {
    const other = newEquations[i] as LinearEquation;
    for (const u of unknowns) add(`e${i}.${u}`, eq.coefficients.get(u) ?? ZERO, other.coefficients.get(u) ?? ZERO, 'coefficient');
    add(`e${i}.k`, eq.constant, other.constant, 'constant');
  });
  oldEquations.forEach((eq, i) => {
    const oldRow = toIntegerRow(eq, unknowns);
    const newRow = toIntegerRow(newEquations[i] as LinearEquation, unknowns);
    unknowns.forEach((u, j) =>
      add(`r${i}.${u}`, new Fraction(oldRow.coefficients[j] as bigint), new Fraction(newRow.coefficients[j] as bigint), 'coefficient'),
    );
    add(`r${i}.k`, new Fraction(oldRow.constant), new Fraction(newRow.constant), 'constant');
  });
  for (const u of unknowns) add(u, oldSolution.get(u) as Fraction, next.solution.get(u) as Fraction);
  const clearing = (values: readonly Fraction[]) => new Fraction(lcm(values.map((v) => v.d)));
  add('lcm', clearing(oldCoefficients), clearing(newCoefficients));
  add('dec', new Fraction(10 ** oldForm.decimals), new Fraction(10 ** newForm.decimals));
  return {
    unknowns,
    oldEquations,
    newEquations,
    oldSolution,
    newSolution: next.solution,
    atoms: atoms.filter((a) => !a.old.equals(0)),
  };
}
