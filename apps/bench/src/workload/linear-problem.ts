import Fraction from 'fraction.js';
import type { SidePart, Term, WrittenEquation } from './linear-system';
import { isGroup, renameEquation, solveSystem, standardForm } from './linear-system';
import type { Rng } from '@stepcache/sim';

/** A linear equation or square system as a user writes it. */
export interface LinearProblem {
  /** Unknowns in answer order. */
  readonly variables: readonly string[];
  /** The equations as written. */
  readonly equations: readonly WrittenEquation[];
}

/** Largest denominator a generated solution may have (textbook problems have tidy answers). */
export const MAX_DENOMINATOR = 12;
/** Largest absolute value a generated solution may have. */
export const MAX_MAGNITUDE = 60;

const f = (n: number, d = 1) => new Fraction(n, d);
const term = (coef: Fraction, variable?: string): Term => (variable === undefined ? { coef } : { coef, variable });

/** The exact solution in variable order, or null when the system is singular. */
export function solveProblem(problem: LinearProblem): Fraction[] | null {
  const standard = problem.equations.map((e) => standardForm(e, problem.variables));
  return solveSystem(standard);
}

/** True when the problem has one tidy solution and every equation uses at least one unknown. */
export function isTidy(problem: LinearProblem): boolean {
  const solution = solveProblem(problem);
  if (!solution) return false;
  const standard = problem.equations.map((e) => standardForm(e, problem.variables));
  if (standard.some((e) => e.coeffs.every((c) => c.equals(0)))) return false;
  return solution.every((v) => v.d <= BigInt(MAX_DENOMINATOR) && v.abs().compare(MAX_MAGNITUDE) <= 0);
}

function solutionValue(rng: Rng): Fraction {
  return rng.chance(0.8) ? f(rng.int(-9, 12)) : f(rng.nonZero(-9, 9), rng.pick([2, 3, 4]));
}

/** One equation in one unknown, built from a chosen solution so the answer is tidy. */
function oneUnknown(rng: Rng, v: string): WrittenEquation {
  const x = solutionValue(rng);
  const d = Number(x.d);
  const a = f(rng.nonZero(-5, 9) * d);
  const b = f(rng.nonZero(-15, 20));
  switch (rng.int(0, 5)) {
    case 0:
      return { left: [term(a, v), term(b)], right: [term(x.mul(a).add(b))] };
    case 1: {
      const k = f(rng.int(2, 6) * d);
      const m = f(rng.nonZero(-8, 9));
      return { left: [{ factor: k, inner: [term(f(1), v), term(m)] }], right: [term(x.add(m).mul(k))] };
    }
    case 2: {
      let c = f(rng.nonZero(-5, 8) * d);
      if (c.equals(a)) c = c.add(d);
      if (c.equals(0)) c = f(d);
      return { left: [term(a, v), term(b)], right: [term(c, v), term(x.mul(a.sub(c)).add(b))] };
    }
    case 3:
      return { left: [term(x.mul(a).add(b))], right: [term(a, v), term(b)] };
    case 4: {
      // x/k + b = c with an integer answer.
      const k = rng.int(2, 5);
      const whole = f(rng.nonZero(-6, 8) * k);
      return { left: [term(f(1, k), v), term(b)], right: [term(whole.div(k).add(b))] };
    }
    default:
      return { left: [term(b), term(a, v)], right: [term(x.mul(a).add(b))] };
  }
}

function systemOf(rng: Rng, vars: readonly string[]): WrittenEquation[] {
  for (;;) {
    const solution = vars.map(() => f(rng.int(-6, 9)));
    const equations: WrittenEquation[] = vars.map((_, row) => {
      const coeffs = vars.map(() => f(rng.int(-5, 7)));
      const value = coeffs.reduce((acc, c, i) => acc.add(c.mul(solution[i] as Fraction)), f(0));
      // A two-unknown system sometimes states one line in slope form: y = 2x + 1.
      if (vars.length === 2 && row === 0 && rng.chance(0.3)) {
        const slope = f(rng.nonZero(-4, 5));
        const intercept = (solution[1] as Fraction).sub(slope.mul(solution[0] as Fraction));
        const right: Term[] = [term(slope, vars[0])];
        if (!intercept.equals(0)) right.push(term(intercept));
        return { left: [term(f(1), vars[1])], right };
      }
      const left = coeffs.flatMap((c, i) => (c.equals(0) ? [] : [term(c, vars[i])]));
      return { left, right: [term(value)] };
    });
    const variableTerms = (e: WrittenEquation) => [...e.left, ...e.right].filter((p) => !isGroup(p) && p.variable !== undefined).length;
    if (equations.some((e) => variableTerms(e) < 2)) continue;
    const problem = { variables: [...vars], equations };
    if (isTidy(problem)) return equations;
  }
}

/** A base problem with `unknowns` unknowns named `names`. */
export function baseProblem(rng: Rng, names: readonly string[]): LinearProblem {
  if (names.length === 1) {
    for (;;) {
      const problem = { variables: [...names], equations: [oneUnknown(rng, names[0] as string)] };
      if (isTidy(problem)) return problem;
    }
  }
  return { variables: [...names], equations: systemOf(rng, names) };
}

/** Where a number sits in a written equation, for the constants perturbation. */
interface Slot {
  readonly equation: number;
  readonly side: 'left' | 'right';
  readonly part: number;
  /** Index inside a group, or -1 for the group factor; undefined for a plain term. */
  readonly inner?: number;
  readonly isCoefficient: boolean;
  readonly value: Fraction;
}

function slotsOf(problem: LinearProblem): Slot[] {
  const slots: Slot[] = [];
  problem.equations.forEach((equation, e) => {
    for (const side of ['left', 'right'] as const) {
      equation[side].forEach((part, p) => {
        if (isGroup(part)) {
          slots.push({ equation: e, side, part: p, inner: -1, isCoefficient: true, value: part.factor });
          part.inner.forEach((t, i) => {
            if (t.variable === undefined) slots.push({ equation: e, side, part: p, inner: i, isCoefficient: false, value: t.coef });
          });
        } else {
          slots.push({ equation: e, side, part: p, isCoefficient: part.variable !== undefined, value: part.coef });
        }
      });
    }
  });
  return slots;
}

function replaceSlot(problem: LinearProblem, slot: Slot, value: Fraction): LinearProblem {
  const equations = problem.equations.map((equation, e) => {
    if (e !== slot.equation) return equation;
    const side = equation[slot.side].map((part, p): SidePart => {
      if (p !== slot.part) return part;
      if (isGroup(part)) {
        if (slot.inner === -1) return { factor: value, inner: part.inner };
        return { factor: part.factor, inner: part.inner.map((t, i) => (i === slot.inner ? { ...t, coef: value } : t)) };
      }
      return { ...part, coef: value };
    });
    return { ...equation, [slot.side]: side };
  });
  return { variables: problem.variables, equations };
}

function redraw(rng: Rng, slot: Slot): Fraction {
  for (;;) {
    let next: Fraction;
    if (slot.isCoefficient) {
      next = slot.value.d !== 1n ? f(1, rng.int(2, 6)) : f(rng.nonZero(-6, 9));
      if (slot.inner === -1) next = f(rng.int(2, 7));
    } else {
      next = f(rng.nonZero(-15, 24));
    }
    if (!next.equals(slot.value)) return next;
  }
}

/**
 * Changes one or two constants of the problem (a coefficient or a constant
 * term), keeping its form and unknowns, so the solution usually changes too.
 */
export function perturbConstants(problem: LinearProblem, rng: Rng): LinearProblem {
  const slots = slotsOf(problem);
  for (;;) {
    const count = slots.length > 2 && rng.chance(0.4) ? 2 : 1;
    let next = problem;
    for (const slot of rng.shuffle(slots).slice(0, count)) next = replaceSlot(next, slot, redraw(rng, slot));
    if (isTidy(next)) return next;
  }
}

/** The same problem with its unknowns renamed. */
export function renameProblem(problem: LinearProblem, names: readonly string[]): LinearProblem {
  const mapping = new Map(problem.variables.map((v, i) => [v, names[i] as string]));
  return { variables: [...names], equations: problem.equations.map((e) => renameEquation(e, mapping)) };
}
