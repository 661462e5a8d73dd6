import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearEquationVerifier } from './linear-equation-verifier';
import type { LinearProblem } from './linear-problem';
import { detectProblem, determinant } from './fixtures/test-problems';

/**
 * Random systems with known solutions, written out as prompts and as
 * hand-built step-by-step answers. Truth of every equation is computed here
 * with plain rational arithmetic, independently of the verifier's parser.
 */

/** `coefficient · variable`, `coefficient · (value)` (a substituted unknown) or a constant `coefficient`. */
interface Term {
  readonly coefficient: Fraction;
  readonly variable?: string;
  readonly value?: Fraction;
}
interface Equation {
  readonly left: readonly Term[];
  readonly right: readonly Term[];
}
type Style = 'plain' | 'inline' | 'display' | 'list';
interface Step {
  /** Prose around the equations; `{0}`, `{1}` mark where they go, `{all}` all of them in one math region. */
  readonly template: string;
  readonly equations: readonly Equation[];
}
interface Case {
  readonly prompt: string;
  readonly unknowns: readonly string[];
  readonly solution: ReadonlyMap<string, Fraction>;
  readonly steps: readonly Step[];
  readonly style: Style;
}

const verifier = linearEquationVerifier();
const ZERO = new Fraction(0);

function sideValue(terms: readonly Term[], solution: ReadonlyMap<string, Fraction>): Fraction {
  return terms.reduce((sum, t) => {
    const factor = t.variable !== undefined ? (solution.get(t.variable) as Fraction) : (t.value ?? new Fraction(1));
    return sum.add(t.coefficient.mul(factor));
  }, ZERO);
}

function holds(eq: Equation, solution: ReadonlyMap<string, Fraction>): boolean {
  return sideValue(eq.left, solution).equals(sideValue(eq.right, solution));
}

function numberText(value: Fraction, latex: boolean): string {
  const negative = value.s < 0n;
  const magnitude = value.abs();
  let body: string;
  if (magnitude.d === 1n) body = magnitude.toString();
  else if (/^\d+\.\d+$/.test(magnitude.toString())) body = magnitude.toString();
  else body = latex ? `\\frac{${magnitude.n}}{${magnitude.d}}` : `${magnitude.n}/${magnitude.d}`;
  return negative ? `-${body}` : body;
}

function sideText(terms: readonly Term[], latex: boolean): string {
  if (terms.length === 0) return '0';
  return terms
    .map((t, i) => {
      const negative = t.coefficient.s < 0n;
      const magnitude = t.coefficient.abs();
      let body: string;
      if (t.variable !== undefined) {
        body = magnitude.equals(1) ? t.variable : `${numberText(magnitude, latex)}${t.variable}`;
      } else if (t.value !== undefined) {
        const inner = numberText(t.value, latex);
        body = latex ? `${numberText(magnitude, latex)} \\cdot \\left(${inner}\\right)` : `${numberText(magnitude, latex)}(${inner})`;
      } else {
        body = numberText(magnitude, latex);
      }
      if (i === 0) return negative ? `-${body}` : body;
      return negative ? ` - ${body}` : ` + ${body}`;
    })
    .join('');
}

function mathText(bodies: readonly string[], style: Style): string {
  if (style === 'inline') return `\\(${bodies.join(', ')}\\)`;
  if (style === 'display') return `\n\\[\n${bodies.join(', \\quad ')}\n\\]\n`;
  return bodies.join(', ');
}

function equationBody(eq: Equation, style: Style): string {
  const latex = style === 'inline' || style === 'display';
  return `${sideText(eq.left, latex)} = ${sideText(eq.right, latex)}`;
}

function stepText(step: Step, style: Style, index: number): string {
  // One pass, so braces inside the inserted LaTeX (`\frac{1}{3}`) are never read as placeholders.
  const body = step.template.replace(/\{(all|\d)\}/g, (_, k: string) =>
    k === 'all'
      ? mathText(step.equations.map((eq) => equationBody(eq, style)), style)
      : mathText([equationBody(step.equations[Number(k)] as Equation, style)], style),
  );
  return style === 'list' ? `${index + 1}. ${body}` : body;
}

function answerText(c: Case): string {
  return c.steps.map((step, i) => stepText(step, c.style, i)).join('\n\n');
}

const NAMES = ['x', 'y', 'z', 'a', 'b', 't', 'n', 'p', 'q', 'm', 'u', 'v', 'w', 'x_1', 'x_2', 'x_3'];
const ORDINAL = ['first', 'second', 'third'];

const nonZeroValue = fc.oneof(
  fc.integer({ min: -12, max: 12 }).filter((n) => n !== 0).map((n) => new Fraction(n)),
  fc
    .tuple(fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0), fc.integer({ min: 2, max: 6 }))
    .map(([n, d]) => new Fraction(n, d)),
);

/** A random square system with a nonzero determinant and nonzero solution values. */
const caseArbitrary: fc.Arbitrary<Case> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
      values: fc.array(nonZeroValue, { minLength: n, maxLength: n }),
      matrix: fc
        .array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })
        .filter((m) => determinant(m) !== 0 && m.every((row) => row.some((c) => c !== 0))),
      sides: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      offsets: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
      scales: fc.array(fc.constantFrom(1, 1, 1, 2, 4, 5), { minLength: n, maxLength: n }),
      style: fc.constantFrom<Style>('plain', 'inline', 'display', 'list'),
      phrasing: fc.nat(3),
    }),
  )
  .map(({ n, names, values, matrix, sides, offsets, scales, style, phrasing }) => {
    const unknowns = [...names].sort((a, b) => NAMES.indexOf(a) - NAMES.indexOf(b));
    const solution = new Map(unknowns.map((u, i) => [u, values[i] as Fraction]));
    // Standard form rows (integer coefficients) and their constants.
    const rows = matrix.map((row) => row.map((c) => new Fraction(c)));
    const constants = rows.map((row) => row.reduce((sum, c, j) => sum.add(c.mul(values[j] as Fraction)), ZERO));
    const standard: Equation[] = rows.map((row, i) => ({
      left: row.flatMap((c, j) => (c.equals(0) ? [] : [{ coefficient: c, variable: unknowns[j] as string }])),
      right: [{ coefficient: constants[i] as Fraction }],
    }));
    // The prompt's form: some terms moved right, a constant added, scaled to decimals.
    const written: Equation[] = standard.map((eq, i) => {
      const scale = new Fraction(1, scales[i] as number);
      const offset = new Fraction(offsets[i] as number);
      const left: Term[] = [];
      const right: Term[] = [];
      eq.left.forEach((t, j) => {
        if ((sides[i] as boolean[])[j]) left.push({ ...t, coefficient: t.coefficient.mul(scale) });
        else right.push({ ...t, coefficient: t.coefficient.neg().mul(scale) });
      });
      if (!offset.equals(0)) left.push({ coefficient: offset.mul(scale) });
      right.push({ coefficient: (constants[i] as Fraction).add(offset).mul(scale) });
      return { left: left.length > 0 ? left : [{ coefficient: ZERO }], right };
    });
    const prompts = [
      (eqs: string[]) => `Solve ${n > 1 ? 'the system ' : ''}${eqs.join(', ')}.`,
      (eqs: string[]) => `Solve for ${unknowns.join(' and ')}: ${eqs.join('; ')}`,
      (eqs: string[]) => `Find ${unknowns.join(', ')} such that\n${eqs.join('\n')}`,
      (eqs: string[]) => `What ${n > 1 ? 'are the values' : 'is the value'} of ${unknowns.join(' and ')} if ${eqs.join(' and ')}?`,
    ];
    const prompt = (prompts[phrasing] as (eqs: string[]) => string)(written.map((eq) => equationBody(eq, 'plain')));

    const steps: Step[] = written.map((eq, i) => ({
      template: `We start from the ${ORDINAL[i]} equation: {0}.`,
      equations: [eq],
    }));
    standard.forEach((eq, i) => steps.push({ template: `Collecting terms in the ${ORDINAL[i]} equation gives {0}.`, equations: [eq] }));
    if (n > 1) {
      const sum: Term[] = unknowns.flatMap((u, j) => {
        const c = rows.reduce((acc, row) => acc.add(row[j] as Fraction), ZERO);
        return c.equals(0) ? [] : [{ coefficient: c, variable: u }];
      });
      if (sum.length > 0) {
        const total = constants.reduce((acc, c) => acc.add(c), ZERO);
        steps.push({ template: 'Adding the equations gives {0}.', equations: [{ left: sum, right: [{ coefficient: total }] }] });
      }
    }
    const values2: Equation[] = unknowns.map((u) => ({
      left: [{ coefficient: new Fraction(1), variable: u }],
      right: [{ coefficient: solution.get(u) as Fraction }],
    }));
    steps.push({ template: `Solving, we get ${values2.map((_, k) => `{${k}}`).join(' and ')}.`, equations: values2 });
    const check = standard[0] as Equation;
    steps.push({
      template: 'Check in the first equation: {0}.',
      equations: [
        {
          left: check.left.map((t) => ({ coefficient: t.coefficient, value: solution.get(t.variable as string) as Fraction })),
          right: check.right,
        },
      ],
    });
    steps.push({ template: 'Final answer: {all}', equations: values2 });
    return { prompt, unknowns, solution, steps, style };
  });

const detectCase = (c: Case): LinearProblem => detectProblem(verifier, c.prompt);

describe('linear-equation verifier on random systems (property)', () => {
  it('detects the system and its exact solution', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const problem = detectCase(c);
        expect([...problem.unknowns].sort()).toEqual([...c.unknowns].sort());
        for (const u of c.unknowns) expect(problem.solution.get(u)?.equals(c.solution.get(u) as Fraction)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts the fallback answer', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const problem = detectCase(c);
        const answer = verifier.fallback?.(problem);
        expect(answer).toBeDefined();
        expect(verifier.verifyAnswer(answer as string, problem)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('accepts correct hand-built steps in every format', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const problem = detectCase(c);
        for (const step of c.steps) for (const eq of step.equations) expect(holds(eq, c.solution)).toBe(true);
        const answer = answerText(c);
        const steps = verifier.segment(answer, problem);
        steps.forEach((step, index) => {
          expect(verifier.verifyStep(step, problem, { index, previous: steps.slice(0, index) })).toEqual({ ok: true });
        });
        expect(verifier.verifyAnswer(answer, problem)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a step (and the answer) when any number in any of its equations is corrupted', () => {
    const corruption = fc.record({
      step: fc.nat(),
      equation: fc.nat(),
      side: fc.boolean(),
      term: fc.nat(),
      inValue: fc.boolean(),
      delta: fc.constantFrom(1, -1, 2, 3, 10, new Fraction(1, 2)),
    });
    fc.assert(
      fc.property(caseArbitrary, corruption, (c, k) => {
        const problem = detectCase(c);
        const stepIndex = k.step % c.steps.length;
        const step = c.steps[stepIndex] as Step;
        const eqIndex = k.equation % step.equations.length;
        const eq = step.equations[eqIndex] as Equation;
        const terms = k.side ? eq.left : eq.right;
        const termIndex = k.term % terms.length;
        const target = terms[termIndex] as Term;
        const delta = new Fraction(k.delta);
        const changed: Term =
          k.inValue && target.value !== undefined
            ? { ...target, value: target.value.add(delta) }
            : { ...target, coefficient: target.coefficient.add(delta) };
        const newTerms = terms.map((t, i) => (i === termIndex ? changed : t));
        const corruptedEq: Equation = k.side ? { left: newTerms, right: eq.right } : { left: eq.left, right: newTerms };
        fc.pre(!holds(corruptedEq, c.solution));
        const corruptedStep: Step = { ...step, equations: step.equations.map((e, i) => (i === eqIndex ? corruptedEq : e)) };
        const corrupted: Case = { ...c, steps: c.steps.map((s, i) => (i === stepIndex ? corruptedStep : s)) };

        const previous = verifier.segment(answerText({ ...c, steps: c.steps.slice(0, stepIndex) }), problem);
        const stepSegments = verifier.segment(stepText(corruptedStep, c.style, stepIndex), problem);
        const verdicts = stepSegments.map((segment, i) =>
          verifier.verifyStep(segment, problem, { index: previous.length + i, previous: [...previous, ...stepSegments.slice(0, i)] }),
        );
        expect(verdicts.some((v) => !v.ok)).toBe(true);
        expect(verifier.verifyAnswer(answerText(corrupted), problem).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
