import Fraction from 'fraction.js';
import type { Verdict } from '../verifier';
import type { LinearForm } from './expression';
import { analyseText, type ProseItem, type Relation, type TextAnalysis } from './extract-equations';
import { numberKey } from './justified-numbers';
import type { LinearProblem } from './linear-problem';
import { addForms, constantForm, formatForm, ratioOf, scaleForm, substituteForm } from './linear-form';
import {
  equationText,
  isolates,
  reducedStandard,
  relationEquations,
  relationPairs,
  restates,
  sameSides,
  sidedEquation,
  type SidedEquation,
} from './restatement';
import { readStepPlan, type EquationRef, type SidesOperation, type StepAction, type StepPhrase } from './step-phrases';

/** What the steps so far have established, for judging the next one. */
interface ReasoningState {
  /** The equation in hand: the last one written (the problem's, before any step, when it has one equation). */
  readonly current: SidedEquation | undefined;
  /** Equations the answer labelled (`(4)`); `null` when a label was given to two different equations. */
  readonly labels: ReadonlyMap<number, SidedEquation | null>;
  /** The latest multiple of a labelled equation ("multiply equation (1) by 2"), for "the new equation (1)". */
  readonly renewed: ReadonlyMap<number, SidedEquation>;
  /** Every equation written so far (and the problem's): restating one is no new claim. */
  readonly known: readonly SidedEquation[];
}

const OK: Verdict = { ok: true };
const ONE = new Fraction(1);

const problemEquationsOf = new WeakMap<LinearProblem, readonly SidedEquation[]>();

/** The problem's equations with their sides as written (standard form when a text does not read). */
function problemEquations(problem: LinearProblem): readonly SidedEquation[] {
  let equations = problemEquationsOf.get(problem);
  if (!equations) {
    equations = problem.equations.map((eq, i) => {
      const relation = analyseText(problem.equationTexts[i] ?? '').relations[0];
      const written = relation ? relationEquations(relation) : [];
      const last = written[written.length - 1];
      return last ?? sidedEquation({ coefficients: eq.coefficients, constant: new Fraction(0) }, constantForm(eq.constant));
    });
    problemEquationsOf.set(problem, equations);
  }
  return equations;
}

const initialStates = new WeakMap<LinearProblem, ReasoningState>();

function initialState(problem: LinearProblem): ReasoningState {
  let state = initialStates.get(problem);
  if (!state) {
    const equations = problemEquations(problem);
    state = { current: equations.length === 1 ? equations[0] : undefined, labels: new Map(), renewed: new Map(), known: equations };
    initialStates.set(problem, state);
  }
  return state;
}

/** An equation a phrase names, and whether the answer itself pins it down (a label it defined, an equation written in place). */
interface Resolved {
  readonly equation: SidedEquation;
  readonly sure: boolean;
}

function resolve(
  ref: EquationRef,
  state: { current: SidedEquation | undefined; labels: ReadonlyMap<number, SidedEquation | null>; renewed: ReadonlyMap<number, SidedEquation> },
  analysis: TextAnalysis,
  problem: LinearProblem,
): Resolved | undefined {
  switch (ref.kind) {
    case 'current':
      return state.current && { equation: state.current, sure: false };
    case 'relation': {
      const equations = relationEquations(analysis.relations[ref.index] as Relation);
      const last = equations[equations.length - 1];
      return last && { equation: last, sure: true };
    }
    case 'ordinal': {
      const equation = problemEquations(problem)[ref.index];
      return equation && { equation, sure: false };
    }
    case 'label': {
      if (ref.renewed) {
        const equation = state.renewed.get(ref.label);
        return equation && { equation, sure: true };
      }
      const defined = state.labels.get(ref.label);
      if (defined === null) return undefined;
      if (defined) return { equation: defined, sure: true };
      const equation = problemEquations(problem)[ref.label - 1];
      return equation && { equation, sure: false };
    }
  }
}

/** The equations an operation on both sides can give (two for "move", whose sign the term decides). */
function applyOperations(eq: SidedEquation, operations: readonly SidesOperation[]): SidedEquation[] {
  let results = [eq];
  for (const { op, operand } of operations) {
    const next: SidedEquation[] = [];
    for (const r of results) {
      const add = (sign: Fraction) => next.push(sidedEquation(addForms(r.left, operand, sign), addForms(r.right, operand, sign)));
      if (op === 'add') add(ONE);
      else if (op === 'subtract') add(ONE.neg());
      else if (op === 'move') {
        add(ONE);
        add(ONE.neg());
      } else {
        const factor = op === 'multiply' ? operand.constant : operand.constant.inverse();
        next.push(sidedEquation(scaleForm(r.left, factor), scaleForm(r.right, factor)));
      }
    }
    results = next;
  }
  return results;
}

function operationText(operations: readonly SidesOperation[]): string {
  return operations
    .map(({ op, operand }) => {
      const term = formatForm(operand);
      if (op === 'add') return `adding ${term} to both sides`;
      if (op === 'subtract') return `subtracting ${term} from both sides`;
      if (op === 'move') return `moving ${term} across`;
      return `${op === 'multiply' ? 'multiplying' : 'dividing'} both sides by ${term}`;
    })
    .join(' and ');
}

/**
 * Whether an equation is the combination `expected = 0` as a reader can
 * follow it without being told more: with terms moved, solved for an
 * unknown, or in reduced standard layout (see `restates`); `undefined` when
 * it is not even a multiple of it.
 */
function followsCombination(expected: LinearForm, written: SidedEquation): boolean | undefined {
  const k = ratioOf(expected, written.standard);
  if (k === undefined || k.equals(0)) return undefined;
  return k.abs().equals(ONE) || isolates(written) || reducedStandard(written);
}

/** `v = e` (or `e = v`) as a substitution for v, when the equation in hand isolates an unknown. */
function isolatedValue(eq: SidedEquation): { name: string; value: LinearForm } | undefined {
  if (!isolates(eq)) return undefined;
  const [lone, other] = eq.left.coefficients.size === 1 && eq.left.constant.equals(0) ? [eq.left, eq.right] : [eq.right, eq.left];
  const [[name, c]] = [...lone.coefficients] as [[string, Fraction]];
  if (other.coefficients.has(name)) return undefined;
  return { name, value: scaleForm(other, c.inverse()) };
}

interface Judgement {
  /** A reason when the equation does not follow. */
  readonly failure?: string;
  /** Numbers of the phrase that the result shows were used as said (the multiplier of "multiply equation (5) by 6"). */
  readonly vouched?: readonly Fraction[];
}

function operandNumbers(operations: readonly SidesOperation[]): Fraction[] {
  return operations.flatMap(({ operand }) => [operand.constant, ...operand.coefficients.values()]);
}

/**
 * Judges the first equation written after a phrase against what the phrase
 * says it does; `undefined` reason when it follows, or when the check does
 * not apply (the phrase names an equation it cannot be sure of, and the
 * result is not even a multiple of what it would give).
 */
function judgeResult(
  action: StepAction,
  relation: Relation,
  acting: Resolved | undefined,
  state: { current: SidedEquation | undefined; labels: ReadonlyMap<number, SidedEquation | null>; renewed: Map<number, SidedEquation> },
  analysis: TextAnalysis,
  problem: LinearProblem,
): Judgement {
  const pairs = relationPairs(relation);
  switch (action.kind) {
    case 'unclear':
      return {};
    case 'sides':
    case 'swap': {
      if (!acting) return {};
      const expected =
        action.kind === 'swap' ? [sidedEquation(acting.equation.right, acting.equation.left)] : applyOperations(acting.equation, action.operations);
      if (pairs.some((pair) => expected.some((e) => sameSides(e, pair)))) {
        return { vouched: action.kind === 'sides' ? operandNumbers(action.operations) : [] };
      }
      const related = pairs.some((pair) => expected.some((e) => ratioOf(e.standard, pair.standard) !== undefined));
      if (!related && !acting.sure) return {};
      const what = action.kind === 'swap' ? 'swapping the sides' : operationText(action.operations);
      return {
        failure: `"${relation.text}" is not what ${what} gives from ${equationText(acting.equation)} (that is ${equationText(expected[0] as SidedEquation)}): the step does not do what it says`,
      };
    }
    case 'combine': {
      const terms = action.terms.map((term) => ({ ...term, resolved: resolve(term.ref, state, analysis, problem) }));
      if (terms.some((term) => !term.resolved)) return {};
      let expected: LinearForm = constantForm(new Fraction(0));
      for (const term of terms) expected = addForms(expected, (term.resolved as Resolved).equation.standard, new Fraction(term.sign));
      const verdicts = pairs.map((pair) => followsCombination(expected, pair));
      if (verdicts.some((v) => v === true)) return {};
      const sure = terms.every((term) => (term.resolved as Resolved).sure);
      if (verdicts.every((v) => v === undefined) && !sure) return {};
      return { failure: `"${relation.text}" is not the combination the step names (${formatForm(expected)} = 0)` };
    }
    case 'scale': {
      const items = action.items.map((entry) => ({ ...entry, resolved: resolve(entry.ref, state, analysis, problem) }));
      if (items.some((entry) => !entry.resolved)) return {};
      let related = false;
      for (const entry of items) {
        const expected = scaleForm((entry.resolved as Resolved).equation.standard, entry.factor);
        for (const pair of pairs) {
          const k = ratioOf(expected, pair.standard);
          if (k === undefined) continue;
          related = true;
          if (k.abs().equals(ONE)) {
            if (entry.ref.kind === 'label') state.renewed.set(entry.ref.label, pair);
            return { vouched: [entry.factor, entry.factor.inverse()] };
          }
        }
      }
      if (!related && !items.every((entry) => (entry.resolved as Resolved).sure)) return {};
      const names = items.map((entry) => `${equationText((entry.resolved as Resolved).equation)} times ${entry.factor.toFraction()}`).join(' or ');
      return { failure: `"${relation.text}" is not ${names}: the step does not do what it says` };
    }
    case 'substitute': {
      const target = resolve(action.target, state, analysis, problem);
      if (!target) return {};
      const values = new Map<string, LinearForm>();
      if (action.values === 'this') {
        const found = state.current && isolatedValue(state.current);
        if (!found) return {};
        values.set(found.name, found.value);
      } else {
        for (const { name, value } of action.values) values.set(name, value);
      }
      if (![...values.keys()].some((name) => target.equation.standard.coefficients.has(name))) return {};
      const expected = sidedEquation(substituteForm(target.equation.left, values), substituteForm(target.equation.right, values));
      const verdicts = pairs.map((pair) => restates(expected, pair));
      if (verdicts.includes('restates')) return {};
      if (verdicts.every((v) => v === 'unrelated') && !target.sure) return {};
      return {
        failure: `"${relation.text}" does not follow from substituting into ${equationText(target.equation)}, which gives ${equationText(expected)}`,
      };
    }
    case 'rearrange': {
      const target = resolve(action.target, state, analysis, problem);
      if (!target) return {};
      const verdicts = pairs.map((pair) => restates(target.equation, pair));
      if (verdicts.includes('restates') || verdicts.every((v) => v === 'unrelated')) return {};
      return { failure: `"${relation.text}" does not follow from ${equationText(target.equation)}` };
    }
  }
}

/** Judges an equation written right after another with no operation named between them (see `restates`). */
function judgeRestatement(before: SidedEquation, relation: Relation): string | undefined {
  const verdicts = relationEquations(relation).map((eq) => restates(before, eq));
  if (verdicts.length === 0 || verdicts.includes('restates') || verdicts.every((v) => v === 'unrelated')) return undefined;
  return `"${relation.text}" does not follow from ${equationText(before)}: the sides do not simplify to the same terms`;
}

interface Advance {
  readonly state: ReasoningState;
  readonly verdict: Verdict;
  readonly vouched: ReadonlySet<string>;
}

const advances = new WeakMap<ReasoningState, WeakMap<TextAnalysis, Advance>>();

/**
 * Walks one step: each phrase's first result is judged by what the phrase
 * says it does; every other equation that follows another in the step with
 * no operation named between them must restate it; the step's first
 * equation must restate the equation in hand when the prose says it
 * simplifies ("simplify", "expand", "which gives"). Memoised per state and
 * analysis.
 */
function advance(state: ReasoningState, analysis: TextAnalysis, problem: LinearProblem): Advance {
  let byAnalysis = advances.get(state);
  if (!byAnalysis) {
    byAnalysis = new WeakMap();
    advances.set(state, byAnalysis);
  }
  const memo = byAnalysis.get(analysis);
  if (memo) return memo;

  const plan = readStepPlan(analysis);
  const labels = new Map(state.labels);
  const renewed = new Map(state.renewed);
  const known = [...state.known];
  const live = { current: state.current, labels, renewed };
  let failure: string | undefined;
  const vouched = new Set<string>();
  let phraseAt = 0;
  let active: { phrase: StepPhrase; acting: Resolved | undefined; results: number } | undefined;
  let previous: SidedEquation | undefined;
  let first = true;

  analysis.prose.forEach((item: ProseItem, k) => {
    const phrase = plan.phrases[phraseAt];
    if (phrase && phrase.start === k) {
      phraseAt += 1;
      const action = phrase.action;
      const target = action.kind === 'sides' || action.kind === 'swap' ? action.target : undefined;
      active = { phrase, acting: target && resolve(target, live, analysis, problem), results: 0 };
      previous = undefined;
      return;
    }
    if (item.kind !== 'relation' || plan.consumed.has(item.index)) return;
    const relation = analysis.relations[item.index] as Relation;
    const equations = relationEquations(relation);
    const main = equations[equations.length - 1];
    if (!main) return;
    const restated = relationPairs(relation).some((pair) => known.some((eq) => sameSides(eq, pair)));
    if (!restated && failure === undefined) {
      const expects = active && active.results < (active.phrase.action.kind === 'scale' ? active.phrase.action.items.length : 1);
      if (active && expects) {
        active.results += 1;
        const judgement = judgeResult(active.phrase.action, relation, active.acting, live, analysis, problem);
        failure = judgement.failure;
        for (const value of judgement.vouched ?? []) vouched.add(numberKey(value));
      } else if (previous) {
        failure = judgeRestatement(previous, relation);
      } else if (first && plan.continues && live.current) {
        failure = judgeRestatement(live.current, relation);
      }
    }
    first = false;
    if (relation.label !== undefined) {
      const defined = labels.get(relation.label);
      labels.set(relation.label, defined === undefined || (defined !== null && sameSides(defined, main)) ? main : null);
    }
    known.push(main);
    live.current = main;
    previous = main;
  });

  const next: ReasoningState = { current: live.current, labels, renewed, known };
  const result: Advance = { state: next, verdict: failure === undefined ? OK : { ok: false, reason: failure }, vouched };
  byAnalysis.set(analysis, result);
  return result;
}

/** The outcome of {@link checkReasoning}. */
export interface ReasoningCheck {
  /** Whether the step's equations follow the way its prose says, and why not. */
  readonly verdict: Verdict;
  /**
   * Numbers of the step's prose that its equations show were used as said
   * (keys as in `numberKey`): the operand of a verified "subtract 3 from both
   * sides", the multiplier of a verified "multiply equation (5) by 6". They
   * need no other justification.
   */
  readonly vouched: ReadonlySet<string>;
}

/**
 * Checks that a step's equations follow from each other and from the steps
 * before it the way its prose says (see `advance` and `readStepPlan`):
 * "subtract 3 from both sides" must give that equation, "add equations (1)
 * and (2)" that combination, "substitute x = 2 into equation (1)" that
 * equation with x = 2, and a simplification line must restate the line
 * before it. Only what reads unambiguously is judged; everything else passes.
 * Memoised per problem, preceding steps and step (by analysis identity).
 */
export function checkReasoning(analysis: TextAnalysis, problem: LinearProblem, previous: readonly TextAnalysis[]): ReasoningCheck {
  let state = initialState(problem);
  for (const step of previous) state = advance(state, step, problem).state;
  return advance(state, analysis, problem);
}
