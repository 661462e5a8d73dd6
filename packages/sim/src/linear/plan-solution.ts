import Fraction from 'fraction.js';
import type { Rng } from '../random/rng';
import { Arithmetic } from './arithmetic';
import type { LinearEquation, LinearSystem, Side } from './linear-equation';
import { combine, isInteger, isZero, ONE, scale, ZERO } from './linear-equation';
import { MathFormatter } from './math-format';
import { surfaceKey } from './normalize-math-text';
import type { SolutionMethod, SolutionPlan, SolutionStep } from './solution-plan';

/** Inputs of one planning run. */
export interface PlanInput {
  system: LinearSystem;
  method: SolutionMethod;
  /** Index of the computing step that slips, or null for a correct solution. */
  slipAt: number | null;
  /** Draws the wording of steps (kept apart from the slip draws). */
  words: Rng;
  /** Draws the wrong values of slips. */
  slips: Rng;
}

/** Methods that apply to `system`, the first being the usual choice. */
export function applicableMethods(system: LinearSystem): SolutionMethod[] {
  if (system.variables.length === 1) return ['isolate'];
  if (system.variables.length === 2 && findUnitCoefficient(system.equations)) return ['elimination', 'substitution'];
  return ['elimination'];
}

/** Plans a worked solution; also returns how many steps compute (slip targets). */
export function planSolution(input: PlanInput): SolutionPlan & { computeSteps: number } {
  const arith = new Arithmetic(input.slipAt, input.slips);
  const planner = new Planner(input.system, arith, input.words);
  const plan =
    input.method === 'isolate'
      ? planner.isolate()
      : input.method === 'substitution'
        ? planner.substitution()
        : planner.elimination();
  return { ...plan, computeSteps: arith.count };
}

const plain = new MathFormatter('plain');

function findUnitCoefficient(equations: LinearEquation[]): { eq: number; variable: number } | null {
  for (let e = equations.length - 1; e >= 0; e--) {
    const coeffs = (equations[e] as LinearEquation).coeffs;
    for (let v = 0; v < coeffs.length; v++) if ((coeffs[v] as Fraction).abs().equals(1)) return { eq: e, variable: v };
  }
  return null;
}

interface Labelled {
  eq: LinearEquation;
  label: number;
}

class Planner {
  private readonly steps: SolutionStep[] = [];
  private readonly vars: string[];
  private nextLabel: number;

  constructor(
    private readonly system: LinearSystem,
    private readonly arith: Arithmetic,
    private readonly words: Rng,
  ) {
    this.vars = system.variables;
    this.nextLabel = system.equations.length + 1;
  }

  private push(step: Omit<SolutionStep, 'chain'> & Partial<Pick<SolutionStep, 'chain'>>): void {
    this.steps.push({ ...step, chain: step.chain ?? step.math });
  }

  private term(coef: Fraction, variable: number): (fmt: MathFormatter) => string {
    return (fmt) => fmt.term(coef, this.vars[variable] ?? '?', true);
  }

  // ---- one unknown -------------------------------------------------------

  isolate(): SolutionPlan {
    const sides = this.system.sides[0] as { left: Side; right: Side };
    const v = this.vars[0] as string;
    let a = sides.left.coeffs[0] as Fraction;
    let b = sides.left.constant;
    let c = sides.right.coeffs[0] as Fraction;
    let d = sides.right.constant;
    const side = (coef: Fraction, constant: Fraction): Side => ({ coeffs: [coef], constant });

    const written = surfaceKey(this.system.sources[0] ?? '');
    if (surfaceKey(plain.sides(side(a, b), side(c, d), this.vars)) !== written) {
      const hasBrackets = /\(/.test(this.system.sources[0] ?? '');
      if (!isZero(b)) b = this.arith.result(b);
      else d = this.arith.result(d);
      const [a1, b1, c1, d1] = [a, b, c, d];
      const phrase = hasBrackets
        ? this.words.pick(['Expand the brackets', 'Distribute and simplify both sides', 'Expand and simplify'])
        : this.words.pick(['Combine like terms on each side', 'Simplify both sides', 'Clear the fractions and simplify']);
      this.push({
        describe: () => phrase,
        math: (fmt) => [fmt.sides(side(a1, b1), side(c1, d1), this.vars)],
        computes: true,
      });
    }
    if (isZero(a)) {
      [a, b, c, d] = [c, d, a, b];
      const [a1, b1, d1] = [a, b, d];
      this.push({
        describe: () => `Swap the two sides so that ${v} is on the left`,
        math: (fmt) => [fmt.sides(side(a1, b1), side(ZERO, d1), this.vars)],
        computes: false,
      });
    }
    if (!isZero(c)) {
      const moved = c;
      a = this.arith.result(a.sub(c), true);
      c = ZERO;
      const [a1, b1, d1] = [a, b, d];
      const purpose = this.words.pick(['', ` to get all the ${v} terms on one side`, ` to collect the ${v} terms on the left`]);
      this.push({
        describe: (fmt) =>
          moved.s > 0n
            ? `Subtract ${fmt.inline(this.term(moved, 0)(fmt))} from both sides${purpose}`
            : `Add ${fmt.inline(this.term(moved.neg(), 0)(fmt))} to both sides${purpose}`,
        math: (fmt) => [fmt.sides(side(a1, b1), side(ZERO, d1), this.vars)],
        computes: true,
      });
    }
    if (!isZero(b)) {
      const moved = b;
      const before = d;
      d = this.arith.result(d.sub(b));
      b = ZERO;
      const [a1, d1] = [a, d];
      const purpose = this.words.pick(['', ` to isolate the ${v} term`, ` so that only the ${v} term stays on the left`]);
      this.push({
        describe: (fmt) =>
          moved.s > 0n
            ? `Subtract ${fmt.num(moved)} from both sides${purpose}`
            : `Add ${fmt.num(moved.neg())} to both sides${purpose}`,
        math: (fmt) => [fmt.sides(side(a1, ZERO), side(ZERO, d1), this.vars)],
        chain: (fmt) => [`${this.term(a1, 0)(fmt)} = ${fmt.minus(before, moved)} = ${fmt.num(d1)}`],
        computes: true,
      });
    }
    let value = d;
    if (!a.equals(1)) {
      const divisor = a;
      const before = d;
      value = this.arith.result(d.div(a));
      const result = value;
      this.push({
        describe: (fmt) => this.divisionPhrase(divisor, fmt),
        math: (fmt) => [`${v} = ${fmt.num(result)}`],
        chain: (fmt) => [`${v} = ${fmt.over(before, divisor)} = ${fmt.num(result)}`],
        computes: true,
      });
    }
    return { method: 'isolate', steps: this.steps, values: [value] };
  }

  private divisionPhrase(divisor: Fraction, fmt: MathFormatter): string {
    if (divisor.equals(-1)) return 'Multiply both sides by -1';
    if (!isInteger(divisor) && divisor.n === 1n) return `Multiply both sides by ${fmt.num(divisor.inverse())}`;
    return `Divide both sides by ${fmt.num(divisor)}`;
  }

  // ---- elimination -------------------------------------------------------

  elimination(): SolutionPlan {
    const n = this.vars.length;
    let active: Labelled[] = this.system.equations.map((eq, i) => ({ eq, label: i + 1 }));
    const triangular: Array<Labelled & { variable: number }> = [];
    for (let j = 0; j < n - 1; j++) {
      const candidates = active.filter((e) => !isZero(e.eq.coeffs[j] as Fraction));
      const pivot = candidates.sort((x, y) => rank(x.eq.coeffs[j] as Fraction) - rank(y.eq.coeffs[j] as Fraction))[0];
      if (!pivot) break;
      active = active.filter((e) => e !== pivot);
      triangular.push({ ...pivot, variable: j });
      active = active.map((target) => (isZero(target.eq.coeffs[j] as Fraction) ? target : this.eliminate(pivot, target, j)));
    }
    const last = active[0];
    if (last) triangular.push({ ...last, variable: n - 1 });
    const values: Fraction[] = this.vars.map(() => ZERO);
    const known = new Set<number>();
    for (let k = triangular.length - 1; k >= 0; k--) {
      const entry = triangular[k] as Labelled & { variable: number };
      values[entry.variable] = this.backSubstitute(entry, values, known);
      known.add(entry.variable);
    }
    return { method: 'elimination', steps: this.steps, values };
  }

  private labelText(label: number): string {
    return `(${label})`;
  }

  private showLabel(eq: string, label: number, fmt: MathFormatter): string {
    if (this.vars.length < 3) return eq;
    return fmt.style === 'latex' ? `${eq} \\quad (${label})` : `${eq}   (${label})`;
  }

  private eliminate(pivot: Labelled, target: Labelled, j: number): Labelled {
    const a = pivot.eq.coeffs[j] as Fraction;
    const b = target.eq.coeffs[j] as Fraction;
    const v = this.vars[j] as string;
    let p = pivot.eq;
    let t = target.eq;
    let pName = `equation ${this.labelText(pivot.label)}`;
    let tName = `equation ${this.labelText(target.label)}`;
    if (!a.abs().equals(b.abs())) {
      let mp: Fraction;
      let mt: Fraction;
      if (isInteger(a) && isInteger(b)) {
        const l = a.abs().lcm(b.abs());
        mp = l.div(a.abs());
        mt = l.div(b.abs());
      } else {
        mp = b.abs();
        mt = a.abs();
      }
      const scaledP = scale(p, mp);
      const scaledT = scale(t, mt);
      // The slip of this step lands on the right-hand side of the first rewritten equation.
      if (!mt.equals(1)) scaledT.rhs = this.arith.result(scaledT.rhs);
      else scaledP.rhs = this.arith.result(scaledP.rhs);
      const shown: Array<{ eq: LinearEquation; by: Fraction; name: string }> = [];
      if (!mp.equals(1)) shown.push({ eq: scaledP, by: mp, name: pName });
      if (!mt.equals(1)) shown.push({ eq: scaledT, by: mt, name: tName });
      this.push({
        describe: (fmt) =>
          `Multiply ${shown.map((s) => `${s.name} by ${fmt.num(s.by)}`).join(' and ')} so the ${v} coefficients match`,
        math: (fmt) => shown.map((s) => fmt.equation(s.eq, this.vars)),
        computes: true,
      });
      p = scaledP;
      t = scaledT;
      if (!mp.equals(1)) pName = `the new ${pName}`;
      if (!mt.equals(1)) tName = `the new ${tName}`;
    }
    const same = (p.coeffs[j] as Fraction).s === (t.coeffs[j] as Fraction).s;
    const result = same ? combine(t, ONE, p, new Fraction(-1)) : combine(t, ONE, p, ONE);
    result.rhs = this.arith.result(result.rhs);
    const label = this.nextLabel++;
    const verb = same
      ? `Subtract ${pName} from ${tName}`
      : this.words.pick([`Add ${pName} and ${tName}`, `Add ${tName} to ${pName}`]);
    const purpose = this.words.pick([` to eliminate ${v}`, ` so that ${v} cancels`, '']);
    this.push({
      describe: () => `${verb}${purpose}`,
      math: (fmt) => [this.showLabel(fmt.equation(result, this.vars), label, fmt)],
      computes: true,
    });
    return { eq: result, label };
  }

  /** Solves `entry` for its variable, given the values of the variables after it. */
  private backSubstitute(entry: Labelled & { variable: number }, values: Fraction[], known: Set<number>): Fraction {
    const j = entry.variable;
    const v = this.vars[j] as string;
    const coef = entry.eq.coeffs[j] as Fraction;
    const others = [...known].filter((k) => !isZero(entry.eq.coeffs[k] as Fraction)).sort((x, y) => x - y);
    let rhs = entry.eq.rhs;
    if (others.length > 0) {
      const exact = others.reduce((acc, k) => acc.add((entry.eq.coeffs[k] as Fraction).mul(values[k] as Fraction)), ZERO);
      const sum = this.arith.result(exact);
      const shownRhs = rhs;
      const given = others.map((k) => ({ name: this.vars[k] as string, value: values[k] as Fraction }));
      const substituted = (fmt: MathFormatter) =>
        [
          fmt.term(coef, v, true),
          ...others.map((k) => {
            const c = entry.eq.coeffs[k] as Fraction;
            const value = values[k] as Fraction;
            return `${c.s < 0n ? '-' : '+'} ${c.abs().equals(1) ? fmt.operand(value) : fmt.times(c.abs(), value)}`;
          }),
        ].join(' ') + ` = ${fmt.num(shownRhs)}`;
      const collected = (fmt: MathFormatter) =>
        fmt.sides({ coeffs: this.only(j, coef), constant: sum }, { coeffs: this.only(j, ZERO), constant: shownRhs }, this.vars);
      const label = this.labelText(entry.label);
      this.push({
        describe: (fmt) =>
          `Substitute ${given.map((g) => fmt.inline(`${g.name} = ${fmt.num(g.value)}`)).join(' and ')} into equation ${label}`,
        math: (fmt) => [substituted(fmt), collected(fmt)],
        chain: (fmt) => [`${substituted(fmt)}, so ${collected(fmt)}`],
        computes: true,
        joiner: 'so',
      });
      if (!isZero(sum)) {
        const before = rhs;
        rhs = this.arith.result(rhs.sub(sum));
        const after = rhs;
        this.push({
          describe: (fmt) =>
            sum.s > 0n ? `Subtract ${fmt.num(sum)} from both sides` : `Add ${fmt.num(sum.neg())} to both sides`,
          math: (fmt) => [`${fmt.term(coef, v, true)} = ${fmt.num(after)}`],
          chain: (fmt) => [`${fmt.term(coef, v, true)} = ${fmt.minus(before, sum)} = ${fmt.num(after)}`],
          computes: true,
        });
      }
    }
    if (coef.equals(1)) return rhs;
    const before = rhs;
    const value = this.arith.result(rhs.div(coef));
    this.push({
      describe: (fmt) => this.divisionPhrase(coef, fmt),
      math: (fmt) => [`${v} = ${fmt.num(value)}`],
      chain: (fmt) => [`${v} = ${fmt.over(before, coef)} = ${fmt.num(value)}`],
      computes: true,
    });
    return value;
  }

  private only(j: number, coef: Fraction): Fraction[] {
    return this.vars.map((_, i) => (i === j ? coef : ZERO));
  }

  // ---- substitution (two unknowns, one unit coefficient) -----------------

  substitution(): SolutionPlan {
    const unit = findUnitCoefficient(this.system.equations);
    if (!unit) return this.elimination();
    const k = unit.eq;
    const j = unit.variable;
    const o = 1 - j;
    const m = 1 - k;
    const ek = this.system.equations[k] as LinearEquation;
    const em = this.system.equations[m] as LinearEquation;
    const vj = this.vars[j] as string;
    const vo = this.vars[o] as string;
    const ckj = ek.coeffs[j] as Fraction;
    // v_j = p + q·v_o
    const p = this.arith.result(ek.rhs.div(ckj));
    const q = (ek.coeffs[o] as Fraction).neg().div(ckj);
    const expr = (fmt: MathFormatter) => fmt.side({ coeffs: this.only(o, q), constant: p }, this.vars);
    this.push({
      describe: (fmt) => `From equation (${k + 1}), express ${fmt.inline(vj)} in terms of ${fmt.inline(vo)}`,
      math: (fmt) => [`${vj} = ${expr(fmt)}`],
      computes: true,
    });
    const cmj = em.coeffs[j] as Fraction;
    const cmo = em.coeffs[o] as Fraction;
    this.push({
      describe: () => `Substitute this expression into equation (${m + 1})`,
      math: (fmt) => {
        const factor = cmj.equals(1) ? '' : cmj.equals(-1) ? '-' : fmt.num(cmj);
        const rest = isZero(cmo) ? '' : ` ${fmt.term(cmo, vo, false)}`;
        return [`${factor}(${expr(fmt)})${rest} = ${fmt.num(em.rhs)}`];
      },
      computes: false,
    });
    const A = cmj.mul(q).add(cmo);
    const B = this.arith.result(cmj.mul(p));
    this.push({
      describe: () => this.words.pick([`Expand and collect the ${vo} terms`, 'Distribute and combine like terms']),
      math: (fmt) => [fmt.sides({ coeffs: this.only(o, A), constant: B }, { coeffs: this.only(o, ZERO), constant: em.rhs }, this.vars)],
      computes: true,
    });
    let rhs = em.rhs;
    if (!isZero(B)) {
      const before = rhs;
      rhs = this.arith.result(rhs.sub(B));
      const after = rhs;
      this.push({
        describe: (fmt) => (B.s > 0n ? `Subtract ${fmt.num(B)} from both sides` : `Add ${fmt.num(B.neg())} to both sides`),
        math: (fmt) => [`${fmt.term(A, vo, true)} = ${fmt.num(after)}`],
        chain: (fmt) => [`${fmt.term(A, vo, true)} = ${fmt.minus(before, B)} = ${fmt.num(after)}`],
        computes: true,
      });
    }
    let valueO = rhs;
    if (!A.equals(1)) {
      const before = rhs;
      valueO = this.arith.result(rhs.div(A));
      const result = valueO;
      this.push({
        describe: (fmt) => this.divisionPhrase(A, fmt),
        math: (fmt) => [`${vo} = ${fmt.num(result)}`],
        chain: (fmt) => [`${vo} = ${fmt.over(before, A)} = ${fmt.num(result)}`],
        computes: true,
      });
    }
    const valueJ = this.arith.result(p.add(q.mul(valueO)));
    const shownO = valueO;
    this.push({
      describe: (fmt) => `Substitute ${fmt.inline(`${vo} = ${fmt.num(shownO)}`)} back into ${fmt.inline(`${vj} = ${expr(fmt)}`)}`,
      math: (fmt) => {
        const product = q.abs().equals(1) ? fmt.operand(shownO) : fmt.times(q.abs(), shownO);
        const parts = isZero(p) ? [] : [fmt.num(p)];
        if (!isZero(q)) parts.push(parts.length === 0 ? `${q.s < 0n ? '-' : ''}${product}` : `${q.s < 0n ? '-' : '+'} ${product}`);
        return [`${vj} = ${parts.join(' ') || '0'} = ${fmt.num(valueJ)}`];
      },
      computes: true,
    });
    const values: Fraction[] = [ZERO, ZERO];
    values[j] = valueJ;
    values[o] = valueO;
    return { method: 'substitution', steps: this.steps, values };
  }
}

/** Pivot preference: ±1 first, then small integers, fractions last. */
function rank(coef: Fraction): number {
  const abs = coef.abs();
  if (abs.equals(1)) return 0;
  return isInteger(abs) ? Number(abs.n) : 1000;
}
