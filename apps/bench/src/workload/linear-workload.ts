import Fraction from 'fraction.js';
import type { LinearProblem } from './linear-problem';
import { baseProblem, perturbConstants, renameProblem, solveProblem } from './linear-problem';
import { CHECK_TEMPLATES, COUNT_TEMPLATES, MATH_SYSTEM_PROMPTS, ONE_UNKNOWN_TEMPLATES, SYSTEM_TEMPLATES, THEN_TEMPLATES } from './linear-phrasing';
import { standardForm } from './linear-system';
import { writeEquation } from './render-equation';
import type { Rng } from '@stepcache/sim';
import type { BenchRequest, GroundTruth, LinearTruth, PerturbationKind } from './workload-request';

const NAME_SETS: Readonly<Record<number, readonly (readonly string[])[]>> = {
  1: [['x'], ['y'], ['t'], ['n'], ['z'], ['k'], ['m'], ['p']],
  2: [['x', 'y'], ['a', 'b'], ['m', 'n'], ['p', 'q'], ['u', 'v'], ['s', 't']],
  3: [['x', 'y', 'z'], ['a', 'b', 'c'], ['p', 'q', 'r'], ['u', 'v', 'w'], ['r', 's', 't']],
};

/** Number of unknowns of the `index`-th of `count` linear bases: half one unknown, 40 % two, 10 % three. */
export function unknownsFor(index: number, count: number): 1 | 2 | 3 {
  const share = (index + 0.5) / count;
  return share < 0.5 ? 1 : share < 0.9 ? 2 : 3;
}

/** The ground truth of a linear problem, computed exactly by the generator. */
export function linearTruth(problem: LinearProblem): LinearTruth {
  const solution = solveProblem(problem);
  if (!solution) throw new RangeError('a generated linear problem must have exactly one solution');
  return {
    kind: 'linear',
    variables: [...problem.variables],
    values: solution.map((v) => v.toFraction()),
    equations: problem.equations.map((e) => {
      const s = standardForm(e, problem.variables);
      return { coeffs: s.coeffs.map((c) => c.toFraction()), rhs: s.rhs.toFraction() };
    }),
  };
}

interface Phrasing {
  template: number;
  system?: string;
}

function phrase(problem: LinearProblem, template: number): string {
  const eqs = problem.equations.map((e) => writeEquation(e));
  if (problem.variables.length === 1) {
    const t = ONE_UNKNOWN_TEMPLATES[template % ONE_UNKNOWN_TEMPLATES.length] as (typeof ONE_UNKNOWN_TEMPLATES)[number];
    return t(eqs[0] as string, problem.variables[0] as string);
  }
  const t = SYSTEM_TEMPLATES[template % SYSTEM_TEMPLATES.length] as (typeof SYSTEM_TEMPLATES)[number];
  return t(eqs, problem.variables);
}

/** A variant keeps the base's wording, except a `rephrase` share that is asked another way. */
function variantTemplate(rng: Rng, base: number, unknowns: number, rephrase: number): number {
  const count = unknowns === 1 ? ONE_UNKNOWN_TEMPLATES.length : SYSTEM_TEMPLATES.length;
  if (!rng.chance(rephrase)) return base;
  return (base + rng.int(1, count - 1)) % count;
}

/** Name sets other than `current`, in a seeded order: rename variant `i` takes the `i`-th, so variants differ. */
function otherNameSets(rng: Rng, current: readonly string[]): (readonly string[])[] {
  return rng.shuffle((NAME_SETS[current.length] ?? []).filter((set) => set.some((v, i) => v !== current[i])));
}

function semanticKinds(unknowns: number): readonly ('check' | 'quadratic' | 'count' | 'then')[] {
  return unknowns === 1 ? ['check', 'quadratic', 'then'] : ['check', 'count', 'then'];
}

function semanticRequest(
  rng: Rng,
  problem: LinearProblem,
  kind: 'check' | 'quadratic' | 'count' | 'then',
  phrasing: Phrasing,
): { prompt: string; truth: GroundTruth } {
  const eqs = problem.equations.map((e) => writeEquation(e));
  const vars = problem.variables;
  const solution = solveProblem(problem) as Fraction[];
  if (kind === 'check') {
    const right = rng.chance(0.5);
    const values = solution.map((v, i) => (right || i > 0 ? v : v.add(rng.nonZero(-3, 3))));
    const assignment =
      vars.length === 1 ? `${vars[0] as string} = ${(values[0] as Fraction).toFraction()}` : `(${vars.join(', ')}) = (${values.map((v) => v.toFraction()).join(', ')})`;
    return { prompt: rng.pick(CHECK_TEMPLATES)(eqs, assignment), truth: { kind: 'yes-no', answer: right } };
  }
  if (kind === 'count') return { prompt: rng.pick(COUNT_TEMPLATES)(eqs), truth: { kind: 'number', value: '1' } };
  if (kind === 'then') {
    if (vars.length === 1) {
      const v = vars[0] as string;
      const value = (solution[0] as Fraction).pow(2);
      return { prompt: rng.pick(THEN_TEMPLATES)(eqs, `${v}^2`), truth: { kind: 'number', value: value.toFraction() } };
    }
    const sum = solution.reduce((acc, v) => acc.add(v), new Fraction(0));
    return { prompt: rng.pick(THEN_TEMPLATES)(eqs, vars.join(' + ')), truth: { kind: 'number', value: sum.toFraction() } };
  }
  // A quadratic written like the base: a·v² + b = c with roots ±r.
  const v = vars[0] as string;
  const a = rng.int(1, 4);
  const b = rng.nonZero(-12, 15);
  const r = rng.int(1, 6);
  const equation = {
    left: [
      { coef: new Fraction(a), variable: v },
      { coef: new Fraction(b) },
    ],
    right: [{ coef: new Fraction(a * r * r + b) }],
  };
  const written = writeEquation(equation, new Set([v]));
  return {
    prompt: (ONE_UNKNOWN_TEMPLATES[phrasing.template % ONE_UNKNOWN_TEMPLATES.length] as (typeof ONE_UNKNOWN_TEMPLATES)[number])(written, v),
    truth: { kind: 'roots', variable: v, values: [String(r), String(-r)] },
  };
}

/**
 * One linear group: a base problem and `k` variants per perturbation —
 * changed constants (one or two numbers), renamed unknowns, and semantic
 * changes that must not be answered from the base's answer (a yes/no check,
 * a quadratic or a count, "solve, then compute …"). Variants keep the base's
 * wording (a localized change, as in the paper) except a `rephrase` share
 * asked with another template.
 */
export function linearGroup(
  rng: Rng,
  options: { seed: number; index: number; count: number; k: number; rephrase: number },
): BenchRequest[] {
  const { seed, index, count, k, rephrase } = options;
  const group = `lin-${index}`;
  const unknowns = unknownsFor(index, count);
  const names = rng.pick(NAME_SETS[unknowns] ?? [['x']]);
  const base = baseProblem(rng.fork('base'), names);
  const templates = unknowns === 1 ? ONE_UNKNOWN_TEMPLATES.length : SYSTEM_TEMPLATES.length;
  const baseTemplate = rng.int(0, templates - 1);
  const system = rng.chance(0.3) ? rng.pick(MATH_SYSTEM_PROMPTS) : undefined;
  const requests: BenchRequest[] = [];
  const add = (kind: PerturbationKind, i: number, prompt: string, truth: GroundTruth, graded: boolean) => {
    requests.push({
      id: kind === 'base' ? group : `${group}-${kind}-${i}`,
      seed,
      family: 'linear',
      kind,
      group,
      graded,
      mustNotReuse: kind === 'semantic',
      ...(system === undefined ? {} : { system }),
      prompt,
      output: { type: 'text' },
      truth,
    });
  };
  add('base', 0, phrase(base, baseTemplate), linearTruth(base), true);
  const seen = new Set([phrase(base, baseTemplate)]);
  for (let i = 0; i < k; i++) {
    // Variants of a group are distinct requests: redraw while a prompt repeats.
    for (let attempt = 0; ; attempt++) {
      const r = rng.fork(`constants-${i}-${attempt}`);
      const problem = perturbConstants(base, r);
      const prompt = phrase(problem, variantTemplate(r, baseTemplate, unknowns, rephrase));
      if (seen.has(prompt) && attempt < 20) continue;
      seen.add(prompt);
      add('constants', i, prompt, linearTruth(problem), true);
      break;
    }
  }
  const nameSets = otherNameSets(rng.fork('rename-names'), base.variables);
  for (let i = 0; i < k; i++) {
    const r = rng.fork(`rename-${i}`);
    const problem = renameProblem(base, nameSets[i % nameSets.length] as readonly string[]);
    add('rename', i, phrase(problem, variantTemplate(r, baseTemplate, unknowns, rephrase)), linearTruth(problem), true);
  }
  const kinds = semanticKinds(unknowns);
  for (let i = 0; i < k; i++) {
    const r = rng.fork(`semantic-${i}`);
    const { prompt, truth } = semanticRequest(r, base, kinds[i % kinds.length] as (typeof kinds)[number], {
      template: variantTemplate(r, baseTemplate, unknowns, rephrase),
    });
    add('semantic', i, prompt, truth, false);
  }
  return requests;
}
