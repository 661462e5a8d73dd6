import Fraction from 'fraction.js';
import { gcd, lcm } from './integers';
import type { LinearEquation } from './linear-system';
import { solveLinearSystem } from './linear-system';
import type { ProblemPair } from './problem-pair';

const ZERO = new Fraction(0);

/** `Σ coefficients[u]·u = constant` for the pair's unknowns (zero coefficients may be absent). */
export interface StandardForm {
  readonly coefficients: ReadonlyMap<string, Fraction>;
  readonly constant: Fraction;
}

function coefficient(eq: StandardForm | LinearEquation, u: string): Fraction {
  return eq.coefficients.get(u) ?? ZERO;
}

/**
 * λ with Σ λ_i·equation_i = form (unique for a square system with one
 * solution), or `undefined` when the form is not such a combination (it does
 * not hold at the solution).
 */
export function combinationOf(form: StandardForm, equations: readonly LinearEquation[], unknowns: readonly string[]): Fraction[] | undefined {
  const names = equations.map((_, i) => `l_${i}`);
  const system: LinearEquation[] = unknowns.map((u) => ({
    coefficients: new Map(equations.flatMap((eq, i) => (coefficient(eq, u).equals(0) ? [] : [[names[i] as string, coefficient(eq, u)]]))),
    constant: coefficient(form, u),
  }));
  const solved = solveLinearSystem(system, names);
  if (!solved) return undefined;
  const lambda = names.map((n) => solved.get(n) as Fraction);
  const constant = lambda.reduce((acc, l, i) => acc.add(l.mul((equations[i] as LinearEquation).constant)), ZERO);
  return constant.equals(form.constant) ? lambda : undefined;
}

/**
 * Re-derives an equation of a cached derivation for the new problem by its
 * role: every linear equation that holds at a square system's solution is
 * one combination Σ λ_i·E_i of the system's equations. The new equation
 * combines the same equations (those with λ_i ≠ 0) so that the same unknowns
 * vanish (those with coefficient 0), which fixes it up to a factor when
 * there is one fewer vanishing unknown than equations used — the result of
 * an elimination (`5y = 10`), an equation rewritten in standard form, or one
 * of the problem's equations. The factor is chosen the way the cached
 * equation was scaled, the first rule that applies:
 * 0. one of the problem's equations taken once (λ = ±e_i) stays that equation, unscaled;
 * 1. a solved form stays solved (`y = 2` → `y = 7/3`);
 * 2. coprime integers stay coprime integers, the first coefficient keeping its sign (`3y - 2z = 4`, `x - y = 1`);
 * 2b. otherwise a coefficient of ±1 stays ±1 (`x + (1/2)y = 5/2`);
 * 3. an equation taken once (λ_i = ±1) is still taken once (`5y = 10` from `(1) − 2·(2)`).
 *
 * Returns `undefined` when the equation's role does not fix it (a sum of
 * equations that eliminates nothing, a scaled equation), when an unknown
 * that stayed would vanish in the new problem, or when no rule applies.
 */
export function rederiveEquation(pair: ProblemPair, form: StandardForm): StandardForm | undefined {
  const { unknowns, oldEquations, newEquations } = pair;
  const lambda = combinationOf(form, oldEquations, unknowns);
  if (!lambda) return undefined;
  const used = lambda.flatMap((l, i) => (l.equals(0) ? [] : [i]));
  const vanishing = unknowns.filter((u) => coefficient(form, u).equals(0));
  if (used.length === 0 || vanishing.length !== used.length - 1) return undefined;

  const [first, ...rest] = used as [number, ...number[]];
  const next = new Map<number, Fraction>([[first, new Fraction(1)]]);
  if (rest.length > 0) {
    const names = rest.map((i) => `l_${i}`);
    const system: LinearEquation[] = vanishing.map((u) => ({
      coefficients: new Map(rest.flatMap((i, k) => {
        const c = coefficient(newEquations[i] as LinearEquation, u);
        return c.equals(0) ? [] : [[names[k] as string, c]];
      })),
      constant: coefficient(newEquations[first] as LinearEquation, u).neg(),
    }));
    const solved = solveLinearSystem(system, names);
    if (!solved) return undefined;
    rest.forEach((i, k) => next.set(i, solved.get(names[k] as string) as Fraction));
  }
  if ([...next.values()].some((l) => l.equals(0))) return undefined;

  const coefficients = new Map<string, Fraction>();
  let constant = ZERO;
  for (const [i, l] of next) {
    const eq = newEquations[i] as LinearEquation;
    for (const u of unknowns) coefficients.set(u, (coefficients.get(u) ?? ZERO).add(coefficient(eq, u).mul(l)));
    constant = constant.add(eq.constant.mul(l));
  }
  for (const u of unknowns) {
    const zero = (coefficients.get(u) as Fraction).equals(0);
    if (zero !== coefficient(form, u).equals(0)) return undefined;
  }

  const scale = scaleLike(form, coefficients, constant, unknowns, lambda, next);
  if (!scale) return undefined;
  return {
    coefficients: new Map([...coefficients].filter(([, c]) => !c.equals(0)).map(([u, c]) => [u, c.mul(scale)])),
    constant: constant.mul(scale),
  };
}

function scaleLike(
  form: StandardForm,
  coefficients: ReadonlyMap<string, Fraction>,
  constant: Fraction,
  unknowns: readonly string[],
  lambda: readonly Fraction[],
  next: ReadonlyMap<number, Fraction>,
): Fraction | undefined {
  // One of the problem's equations as written (λ = ±e_i) stays that equation, unscaled.
  const only = [...next.keys()];
  if (only.length === 1 && (lambda[only[0] as number] as Fraction).abs().equals(1)) {
    return (lambda[only[0] as number] as Fraction).div(next.get(only[0] as number) as Fraction);
  }
  const present = unknowns.filter((u) => !coefficient(form, u).equals(0));
  const unit = unknowns.find((u) => coefficient(form, u).abs().equals(1));
  // A solved form (`y = 2`) stays solved.
  if (present.length === 1 && unit !== undefined) return coefficient(form, unit).div(coefficients.get(unit) as Fraction);
  const old = [...unknowns.map((u) => coefficient(form, u)), form.constant];
  const coprime = old.every((v) => v.d === 1n) && old.reduce((acc, v) => gcd(acc, v.n), 0n) === 1n;
  if (coprime) {
    const values = [...unknowns.map((u) => coefficients.get(u) as Fraction), constant];
    const common = new Fraction(lcm(values.map((v) => v.d)));
    const divisor = values.reduce((acc, v) => gcd(acc, v.mul(common).n), 0n);
    const firstOld = old.find((v) => !v.equals(0)) as Fraction;
    const firstNew = values.find((v) => !v.equals(0)) as Fraction;
    const sign = firstOld.s === firstNew.s ? 1 : -1;
    return common.div(new Fraction(divisor)).mul(sign);
  }
  if (unit !== undefined) return coefficient(form, unit).div(coefficients.get(unit) as Fraction);
  for (const [i, l] of next) {
    const old_i = lambda[i] as Fraction;
    if (old_i.abs().equals(1)) return old_i.div(l);
  }
  return undefined;
}
