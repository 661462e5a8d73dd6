import Fraction from 'fraction.js';
import type { LinearEquation } from '../linear/linear-equation';
import { isZero, solveExactly } from '../linear/linear-equation';
import { MathFormatter } from '../linear/math-format';
import type { Rng } from '../random/rng';
import type { WorkloadItem } from './workload-item';

const fmt = new MathFormatter('plain');
const VARIABLE_SETS: Readonly<Record<1 | 2 | 3, readonly (readonly string[])[]>> = {
  1: [['x'], ['x'], ['y'], ['t'], ['n'], ['a']],
  2: [['x', 'y'], ['x', 'y'], ['a', 'b'], ['m', 'n'], ['p', 'q']],
  3: [['x', 'y', 'z'], ['a', 'b', 'c']],
};

function nonZero(rng: Rng, min: number, max: number): number {
  for (;;) {
    const v = rng.int(min, max);
    if (v !== 0) return v;
  }
}

function solution(rng: Rng): Fraction {
  return rng.chance(0.8) ? new Fraction(rng.int(-9, 12)) : new Fraction(nonZero(rng, -9, 9), rng.pick([2, 3, 4]));
}

function oneVariable(rng: Rng, v: string): { text: string; value: Fraction } {
  const x = solution(rng);
  const d = Number(x.d);
  const a = nonZero(rng, -4, 9) * d;
  const b = rng.int(-15, 20);
  const form = rng.int(0, 3);
  if (form === 0) {
    const c = x.mul(a).add(b);
    return { text: `${fmt.side({ coeffs: [new Fraction(a)], constant: new Fraction(b) }, [v])} = ${fmt.num(c)}`, value: x };
  }
  if (form === 1) {
    const k = nonZero(rng, 2, 6);
    const inner = rng.int(-8, 9) || 1;
    const c = x.add(inner).mul(k * d);
    return { text: `${k * d}(${fmt.side({ coeffs: [new Fraction(1)], constant: new Fraction(inner) }, [v])}) = ${fmt.num(c)}`, value: x };
  }
  if (form === 2) {
    let c = nonZero(rng, -5, 8) * d;
    if (c === a) c = a + d;
    // a·x + b = c·x + e  →  e = (a - c)·x + b
    const e = x.mul(a - c).add(b);
    const left = fmt.side({ coeffs: [new Fraction(a)], constant: new Fraction(b) }, [v]);
    const right = fmt.side({ coeffs: [new Fraction(c)], constant: e }, [v]);
    return { text: `${left} = ${right}`, value: x };
  }
  const c = x.mul(a).add(b);
  return { text: `${fmt.num(c)} = ${fmt.side({ coeffs: [new Fraction(a)], constant: new Fraction(b) }, [v])}`, value: x };
}

function system(rng: Rng, vars: readonly string[]): { texts: string[]; values: Fraction[] } {
  const n = vars.length;
  for (;;) {
    const coeffs = vars.map(() => vars.map(() => new Fraction(rng.int(-5, 7))));
    let equations: LinearEquation[];
    if (rng.chance(0.75)) {
      const sol = vars.map(() => new Fraction(rng.int(-6, 9)));
      equations = coeffs.map((row) => ({ coeffs: row, rhs: row.reduce((acc, c, i) => acc.add(c.mul(sol[i] as Fraction)), new Fraction(0)) }));
    } else {
      equations = coeffs.map((row) => ({ coeffs: row, rhs: new Fraction(rng.int(-12, 20)) }));
    }
    if (equations.some((e) => e.coeffs.filter((c) => !isZero(c)).length < Math.min(2, n))) continue;
    const values = solveExactly({ variables: [...vars], equations });
    if (!values) continue;
    return { texts: equations.map((e) => fmt.equation(e, vars)), values };
  }
}

const ONE_VAR_PROMPTS = [
  (eq: string, v: string) => `Solve for ${v}: ${eq}`,
  (eq: string) => `Solve ${eq}.`,
  (eq: string, v: string) => `Find ${v} if ${eq}. Show your steps.`,
  (eq: string, v: string) => `What is the value of ${v} in the equation ${eq}?`,
];
const SYSTEM_PROMPTS = [
  (eqs: string[]) => `Solve the system of equations: ${eqs.join(', ')}.`,
  (eqs: string[], vars: readonly string[]) => `Find ${vars.join(' and ')} such that ${eqs.join(' and ')}.`,
  (eqs: string[]) => `Solve the following system step by step:\n${eqs.join('\n')}`,
];

/** One linear-equation request: 47 % one unknown, 47 % two, 6 % three. */
export function linearItem(rng: Rng, id: string): WorkloadItem {
  const roll = rng.next();
  const n: 1 | 2 | 3 = roll < 0.47 ? 1 : roll < 0.94 ? 2 : 3;
  const vars = rng.pick(VARIABLE_SETS[n]);
  let prompt: string;
  let values: Fraction[];
  if (n === 1) {
    const one = oneVariable(rng, vars[0] as string);
    prompt = rng.pick(ONE_VAR_PROMPTS)(one.text, vars[0] as string);
    values = [one.value];
  } else {
    const sys = system(rng, vars);
    prompt = rng.pick(SYSTEM_PROMPTS)(sys.texts, vars);
    values = sys.values;
  }
  const messages = rng.chance(0.3)
    ? [{ role: 'system' as const, text: 'You are a helpful math tutor. Solve problems step by step.' }, { role: 'user' as const, text: prompt }]
    : [{ role: 'user' as const, text: prompt }];
  return { id, task: 'linear', messages, expected: { variables: [...vars], values: values.map((v) => v.toFraction()) } };
}
