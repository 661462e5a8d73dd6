import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearEquationVerifier } from './linear-equation-verifier';
import type { LinearProblem } from './linear-problem';
import { detectProblem, determinant } from './fixtures/test-problems';

/**
 * Random pairs of problems with the same structure (1 to 3 unknowns, the
 * same terms on the same sides, other values and signs), generated here with
 * plain rational arithmetic, independently of the verifier's parser.
 */

const verifier = linearEquationVerifier();
const NAMES = ['x', 'y', 'z', 'a', 'b', 't', 'p', 'q', 'm', 'n', 'x_1', 'x_2', 'x_3'];

interface Layout {
  readonly n: number;
  readonly names: readonly string[];
  /** Per equation, per unknown: the term is written on the left. */
  readonly onLeft: readonly (readonly boolean[])[];
  /** Per equation: a constant term is written on the left. */
  readonly offset: readonly boolean[];
}

/** The numbers that fill a layout: the solution, the coefficients (|c| ≥ 2, so none is written implicitly) and the offsets. */
interface Values {
  readonly solution: readonly Fraction[];
  readonly matrix: readonly (readonly number[])[];
  readonly offsets: readonly number[];
}

function numberText(value: Fraction): string {
  const magnitude = value.abs();
  return magnitude.d === 1n ? magnitude.toString() : `${magnitude.n}/${magnitude.d}`;
}

function term(coefficient: Fraction, name: string | undefined, first: boolean): string {
  const negative = coefficient.s < 0n;
  const body = name === undefined ? numberText(coefficient) : `${numberText(coefficient)}${name}`;
  if (first) return negative ? `-${body}` : body;
  return negative ? ` - ${body}` : ` + ${body}`;
}

interface Written {
  readonly prompt: string;
  /** The equations as written in the prompt. */
  readonly equations: readonly string[];
  /** Each equation in standard form `Σ c·v = k` with the problem's integer coefficients. */
  readonly standard: readonly string[];
  readonly solution: readonly Fraction[];
  readonly names: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

function side(terms: readonly [Fraction, string | undefined][]): string {
  return terms.length === 0 ? '0' : terms.map(([c, name], k) => term(c, name, k === 0)).join('');
}

function write(layout: Layout, values: Values): Written {
  const constants = values.matrix.map((row) =>
    row.reduce((acc, c, j) => acc.add(new Fraction(c).mul(values.solution[j] as Fraction)), new Fraction(0)),
  );
  const equations = values.matrix.map((row, i) => {
    const left: [Fraction, string | undefined][] = [];
    const right: [Fraction, string | undefined][] = [];
    row.forEach((c, j) => {
      if ((layout.onLeft[i] as boolean[])[j]) left.push([new Fraction(c), layout.names[j]]);
      else right.push([new Fraction(-c), layout.names[j]]);
    });
    const offset = new Fraction(values.offsets[i] as number);
    if (layout.offset[i]) left.push([offset, undefined]);
    right.push([(constants[i] as Fraction).add(layout.offset[i] ? offset : 0), undefined]);
    return `${side(left)} = ${side(right)}`;
  });
  const standard = values.matrix.map(
    (row, i) => `${side(row.map((c, j): [Fraction, string] => [new Fraction(c), layout.names[j] as string]))} = ${side([[constants[i] as Fraction, undefined]])}`,
  );
  return {
    prompt: `Solve ${layout.n > 1 ? 'the system ' : ''}${equations.join(', ')}.`,
    equations,
    standard,
    solution: values.solution,
    names: layout.names,
    matrix: values.matrix,
  };
}

/**
 * A second answer style, unlike the fallback's: a numbered list that
 * restates the equations as written, gives the standard forms, states the
 * solution, checks it in the first equation and ends with a final answer.
 */
function listAnswer(w: Written): string {
  const value = (v: Fraction) => (v.d === 1n ? v.toString() : `${v.s < 0n ? '-' : ''}${v.n}/${v.d}`);
  const check = (w.matrix[0] as number[])
    .map((c, j) => `${k(c, j === 0)}(${value(w.solution[j] as Fraction)})`)
    .join('');
  function k(c: number, first: boolean): string {
    if (first) return String(c);
    return c < 0 ? ` - ${-c}` : ` + ${c}`;
  }
  const total = (w.matrix[0] as number[]).reduce((acc, c, j) => acc.add(new Fraction(c).mul(w.solution[j] as Fraction)), new Fraction(0));
  const values = w.names.map((n, j) => `${n} = ${value(w.solution[j] as Fraction)}`).join(', ');
  return [
    ...w.equations.map((eq, i) => `${i + 1}. Equation ${i + 1} reads ${eq}.`),
    ...w.standard.map((eq, i) => `${w.equations.length + i + 1}. In standard form: ${eq}.`),
    `${2 * w.equations.length + 1}. Solving the system gives ${values}.`,
    `${2 * w.equations.length + 2}. Check in the first equation: ${check} = ${value(total)}.`,
    `Final answer: ${values}`,
  ].join('\n');
}

const coefficient = fc.integer({ min: 2, max: 9 }).chain((m) => fc.constantFrom(m, -m));
const solutionValue = fc.oneof(
  fc.integer({ min: -12, max: 12 }).map((v) => new Fraction(v)),
  fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 2, max: 6 })).map(([n, d]) => new Fraction(n, d)),
);

const layoutArbitrary: fc.Arbitrary<Layout> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
    onLeft: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    offset: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

function valuesArbitrary(n: number): fc.Arbitrary<Values> {
  return fc.record({
    solution: fc.array(solutionValue, { minLength: n, maxLength: n }),
    matrix: fc
      .array(fc.array(coefficient, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
      .filter((m) => determinant(m) !== 0),
    offsets: fc.array(coefficient, { minLength: n, maxLength: n }),
  });
}

const pairArbitrary = layoutArbitrary.chain((layout) =>
  fc.tuple(fc.constant(layout), valuesArbitrary(layout.n), valuesArbitrary(layout.n)).map(([l, a, b]) => ({
    cached: write(l, a),
    next: write(l, b),
  })),
);

const detect = (text: string): LinearProblem => detectProblem(verifier, text);

/** Adapts `answer` from `cached` to `next` and checks it the way the middleware does. */
function adaptAndCheck(answer: string, cached: LinearProblem, next: LinearProblem) {
  const steps = verifier.segment(answer, cached);
  const adapted = verifier.adapt!(steps, cached, next).steps;
  const verdicts = adapted.map((step, index) => verifier.verifyStep(step, next, { index, previous: adapted.slice(0, index), source: cached }));
  return { adapted, verdicts, answer: verifier.verifyAnswer(verifier.join(adapted, next), next) };
}

/** Whether the adapted answer is served whole: every step verifies against the new problem, and so does the answer. */
function served(answer: string, cached: LinearProblem, next: LinearProblem): boolean {
  const { verdicts, answer: final } = adaptAndCheck(answer, cached, next);
  return verdicts.every((v) => v.ok) && final.ok;
}

/** Share of fully served adaptations over a fixed sample, by number of unknowns. */
function shares(style: (w: Written, p: LinearProblem) => string): Map<number, { served: number; total: number }> {
  const byN = new Map<number, { served: number; total: number }>();
  for (const pair of fc.sample(pairArbitrary, { numRuns: 300, seed: 2026 })) {
    const cached = detect(pair.cached.prompt);
    const next = detect(pair.next.prompt);
    const entry = byN.get(cached.unknowns.length) ?? { served: 0, total: 0 };
    entry.total += 1;
    if (served(style(pair.cached, cached), cached, next)) entry.served += 1;
    byN.set(cached.unknowns.length, entry);
  }
  return byN;
}

describe('re-derived constants on random same-structure problems (property)', () => {
  it('offers only rewritten steps that verify, and never a wrong final answer', () => {
    fc.assert(
      fc.property(pairArbitrary, fc.boolean(), ({ cached: c, next: n }, fallbackStyle) => {
        const cached = detect(c.prompt);
        const next = detect(n.prompt);
        expect(verifier.skipReason(cached, next)).toBeUndefined();
        const original = fallbackStyle ? verifier.fallback!(cached)! : listAnswer(c);
        const steps = verifier.segment(original, cached);
        const { adapted, verdicts } = adaptAndCheck(original, cached, next);
        adapted.forEach((step, i) => {
          // A step is rewritten only when the rewrite passed the step check after the steps before it.
          if (step !== steps[i] && verdicts.slice(0, i).every((v) => v.ok)) expect(verdicts[i]).toEqual({ ok: true });
        });
        // Steps after the first one left unchanged are never rewritten (the rest is patched).
        const firstKept = adapted.findIndex((step, i) => step === steps[i] && /\d/.test(step));
        if (firstKept !== -1 && !verdicts[firstKept]?.ok) {
          adapted.slice(firstKept).forEach((step, i) => expect(step).toBe(steps[firstKept + i]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('serves most fallback derivations and list-style answers whole (measured shares, fixed sample)', () => {
    const fallback = shares((_, p) => verifier.fallback!(p)!);
    const list = shares((w) => listAnswer(w));
    const total = (m: Map<number, { served: number; total: number }>) =>
      [...m.values()].reduce((acc, e) => ({ served: acc.served + e.served, total: acc.total + e.total }), { served: 0, total: 0 });
    // Measured on this sample (seed 2026, 300 pairs): see the package README for the figures.
    // The misses are steps the verifier refuses for the new problem although they hold (a number
    // the cached problem justifies and the new one does not), and eliminations whose
    // multipliers are not re-derived (see reinstantiateConstants).
    expect(fallback.get(1)!.served / fallback.get(1)!.total).toBeGreaterThan(0.85);
    expect(total(fallback).served / total(fallback).total).toBeGreaterThan(0.4);
    expect(total(list).served / total(list).total).toBeGreaterThan(0.6);
  });
});
