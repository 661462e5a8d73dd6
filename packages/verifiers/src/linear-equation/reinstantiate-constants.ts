import Fraction from 'fraction.js';
import { collectLiterals, collectVariables, evaluate, linearise, type Expr } from './expression';
import { DerivationSearch, fractionKey, type Candidate } from './expression-search';
import type { Relation, TextAnalysis } from './extract-equations';
import { scanImplicitCoefficients, scanNumbers, type NumberSpan } from './number-spans';
import { literalMatches, sidesAgree, type NumericRule } from './numeric-rule';
import type { LinearEquation } from './linear-system';
import type { ProblemPair } from './problem-pair';
import { combinationOf, rederiveEquation } from './rederive-equation';
import { applyEdits, renderNumber, type TextEdit } from './render-number';

/** What {@link reinstantiateConstants} needs from the verifier. */
export interface ReinstantiateOptions {
  /** Parses a text (the verifier's memoised `analyseText`). */
  readonly analyse: (text: string) => TextAnalysis;
  /** Whether a rewritten step passes the verifier's step check for the new problem, after `previous`. */
  readonly verify: (step: string, previous: readonly string[]) => boolean;
  /** The verifier's rule for rounded decimals. */
  readonly rule: NumericRule;
}

/** Most numbers in one step that are re-derived; a longer step is left as it is. */
const MAX_NUMBERS = 48;
/** Most assignments tried per equation, and per step for prose numbers. */
const RELATION_BUDGET = 600;
const PROSE_BUDGET = 24;
/** Distinct candidate values kept per number. */
const CANDIDATES = 8;

let sentinels: Fraction[] = [];

/** Large primes that stand in for a step's numbers so they can be found again in its parse. */
function sentinel(k: number): Fraction {
  while (sentinels.length <= k) {
    let p = (sentinels.length === 0 ? 10_000_000 : Number((sentinels[sentinels.length - 1] as Fraction).n)) + 1;
    for (; ; p += 1) {
      let prime = p % 2 !== 0;
      for (let d = 3; prime && d * d <= p; d += 2) if (p % d === 0) prime = false;
      if (prime) break;
    }
    sentinels = [...sentinels, new Fraction(p)];
  }
  return sentinels[k] as Fraction;
}

/** Which numbers of a step sit in which equation, found by parsing the step with each number replaced by a sentinel. */
interface StepShape {
  readonly spans: readonly NumberSpan[];
  /** Span indices of each relation (equation or chain), in text order. */
  readonly relations: readonly { readonly relation: Relation; readonly spans: readonly number[] }[];
  /** For each span, the relation it belongs to, or -1 (prose or not found). */
  readonly relationOf: readonly number[];
  /** For each span in a relation, the index of the side it is on. */
  readonly sideOf: readonly number[];
  /** Spans the parse did not read (dropped as labels and the like): left unchanged. */
  readonly unread: ReadonlySet<number>;
}

function shapeOf(step: string, analyse: (text: string) => TextAnalysis, unknowns: ReadonlySet<string>): StepShape | undefined {
  const scan = scanNumbers(step);
  if (!scan.ok) return undefined;
  const spans = [...scan.spans, ...scanImplicitCoefficients(step, unknowns)].sort((a, b) => a.numberStart - b.numberStart);
  if (spans.length === 0 || spans.length > MAX_NUMBERS) return undefined;
  const edits: TextEdit[] = spans.map((s, k) => ({ start: s.numberStart, end: s.end, text: sentinel(k).toString() }));
  const tagged = analyse(applyEdits(step, edits));
  const plain = analyse(step);
  const same =
    tagged.relations.length === plain.relations.length &&
    tagged.fragments.length === plain.fragments.length &&
    tagged.unreadable.length === plain.unreadable.length &&
    tagged.inequalities.length === plain.inequalities.length;
  if (!same) return undefined;
  const bySentinel = new Map(spans.map((_, k) => [fractionKey(sentinel(k)), k]));
  const relationOf = spans.map(() => -1);
  const sideOf = spans.map(() => -1);
  const read = new Set<number>();
  const relations = tagged.relations.map((relation, r) => {
    const members: number[] = [];
    relation.sides.forEach((side, j) => {
      for (const value of collectLiterals(side, [])) {
        const k = bySentinel.get(fractionKey(value));
        if (k !== undefined) {
          members.push(k);
          relationOf[k] = r;
          sideOf[k] = j;
          read.add(k);
        }
      }
    });
    return { relation, spans: members };
  });
  for (const fragment of tagged.fragments) {
    for (const value of fragment.literals) {
      const k = bySentinel.get(fractionKey(value));
      if (k !== undefined) read.add(k);
    }
  }
  const unread = new Set(spans.map((_, k) => k).filter((k) => !read.has(k)));
  return { spans, relations, relationOf, sideOf, unread };
}

/** The sign the text puts in front of a span's number: the sentinel stands for the number without it. */
function outerSign(span: NumberSpan): 1 | -1 {
  return span.signed.s < 0n ? -1 : 1;
}

function substitute(expr: Expr, values: ReadonlyMap<string, Fraction>): Expr {
  switch (expr.kind) {
    case 'num': {
      const value = values.get(fractionKey(expr.value));
      return value === undefined ? expr : { ...expr, value };
    }
    case 'var':
      return expr;
    case 'neg':
      return { kind: 'neg', arg: substitute(expr.arg, values) };
    case 'func':
      return { kind: 'func', name: expr.name, arg: substitute(expr.arg, values) };
    case 'tuple':
      return { kind: 'tuple', items: expr.items.map((item) => substitute(item, values)) };
    default:
      return { kind: expr.kind, left: substitute(expr.left, values), right: substitute(expr.right, values) };
  }
}

/**
 * What an equation `left = right` is, as a consequence of the system: which
 * unknowns vanish from it and which of the system's equations it combines.
 * A re-derived equation must keep both (so `4x - 2y = 12`, twice the second
 * equation, is not replaced by a different equation that merely holds).
 * `undefined` when the sides are not linear.
 */
function signature(left: Expr, right: Expr, unknowns: readonly string[], equations: readonly LinearEquation[]): string | undefined {
  const l = linearise(left);
  const r = linearise(right);
  if (!l || !r) return undefined;
  const coefficients = new Map<string, Fraction>();
  for (const u of unknowns) {
    const c = (l.coefficients.get(u) ?? ZERO).sub(r.coefficients.get(u) ?? ZERO);
    if (!c.equals(0)) coefficients.set(u, c);
  }
  const vanishing = unknowns.filter((u) => !coefficients.has(u)).join(',');
  if (coefficients.size === 0) return vanishing;
  const lambda = combinationOf({ coefficients, constant: r.constant.sub(l.constant) }, equations, unknowns);
  if (!lambda) return `${vanishing}|none`;
  return `${vanishing}|${lambda.map((v) => (v.equals(0) ? 0 : 1)).join('')}`;
}

interface Role {
  /** The unknown whose coefficient the number is, or `undefined` for the constant. */
  readonly unknown: string | undefined;
  /** `left − right` has ±(the number) in that place. */
  readonly sign: Fraction;
}

/**
 * Targets for the numbers of an equation `a = b` written in standard layout
 * (each unknown at most once, at most one constant): the re-derived
 * equation's coefficients (see `rederiveEquation`), as new signed values of
 * the spans. Empty when the equation is not in that layout or its role does
 * not fix it.
 */
function equationTargets(
  relation: Relation,
  members: readonly number[],
  spans: readonly NumberSpan[],
  pair: ProblemPair,
): Map<number, Fraction> {
  const none = new Map<number, Fraction>();
  if (relation.sides.length !== 2) return none;
  const left = linearise(relation.sides[0] as Expr);
  const right = linearise(relation.sides[1] as Expr);
  if (!left || !right) return none;
  const byKey = new Map(members.map((k) => [fractionKey(sentinel(k)), k]));
  const roles = new Map<number, Role>();
  const implicit = new Map<string, Fraction>();
  const oldForm = new Map<string, Fraction>();
  const read = (value: Fraction, unknown: string | undefined): Fraction | undefined => {
    const k = byKey.get(fractionKey(value.abs()));
    if (k === undefined || roles.has(k)) return undefined;
    const sign = new Fraction(value.s < 0n ? -1 : 1);
    roles.set(k, { unknown, sign });
    return (spans[k] as NumberSpan).magnitude.mul(sign);
  };
  const names = new Set([...left.coefficients.keys(), ...right.coefficients.keys()]);
  for (const u of names) {
    if (!pair.unknowns.includes(u)) return none;
    const c = (left.coefficients.get(u) ?? new Fraction(0)).sub(right.coefficients.get(u) ?? new Fraction(0));
    if (c.equals(0)) continue;
    if (c.abs().equals(1)) {
      implicit.set(u, c);
      oldForm.set(u, c);
      continue;
    }
    const old = read(c, u);
    if (old === undefined) return none;
    oldForm.set(u, old);
  }
  const d = left.constant.sub(right.constant);
  let oldConstant = new Fraction(0);
  if (!d.equals(0)) {
    const old = read(d, undefined);
    if (old === undefined) return none;
    oldConstant = old.neg();
  }
  if (roles.size !== members.length) return none;
  const next = rederiveEquation(pair, { coefficients: oldForm, constant: oldConstant });
  if (!next) return none;
  for (const [u, c] of implicit) if (!(next.coefficients.get(u) ?? new Fraction(0)).equals(c)) return none;
  if (d.equals(0) && !next.constant.equals(0)) return none;
  const targets = new Map<number, Fraction>();
  for (const [k, role] of roles) {
    const span = spans[k] as NumberSpan;
    const inForm = role.unknown === undefined ? next.constant.neg() : (next.coefficients.get(role.unknown) ?? new Fraction(0));
    // The span's sentinel appears as sign·sentinel in `left − right`; the written value carries the outer sign.
    targets.set(k, inForm.div(role.sign).mul(outerSign(span)));
  }
  return targets;
}

const ZERO = new Fraction(0);

const CLAIM_BEFORE = /(?:^|[^A-Za-z\\_])([A-Za-z])(?:_\{?(\d+)\}?|(\d+))?\s*=\s*$/;

/** The solution value of `x` for a number written as `x = 2`, when it is the cached solution. */
function claimedValue(step: string, span: NumberSpan, pair: ProblemPair): Fraction | undefined {
  const m = CLAIM_BEFORE.exec(step.slice(Math.max(0, span.start - 16), span.start));
  if (!m) return undefined;
  const digits = m[2] ?? m[3];
  const name = digits === undefined ? (m[1] as string) : `${m[1] as string}_${digits}`;
  return pair.oldSolution.get(name)?.equals(span.signed) ? pair.newSolution.get(name) : undefined;
}

/**
 * The new value of `x` for the number that ends a chain starting with `x`
 * (`x = 4/2 = 2`, `z = 6 - x - y = 3`), when it is the cached value of x.
 */
function chainEndValue(shape: StepShape, relation: number, k: number, pair: ProblemPair): Fraction | undefined {
  const sides = shape.relations[relation]?.relation.sides ?? [];
  const first = sides[0];
  const last = sides[sides.length - 1];
  const isSpan = (e: Expr | undefined) =>
    (e?.kind === 'num' && e.value.equals(sentinel(k))) || (e?.kind === 'neg' && e.arg.kind === 'num' && e.arg.value.equals(sentinel(k)));
  const name = first?.kind === 'var' && isSpan(last) ? first.name : last?.kind === 'var' && isSpan(first) ? last.name : undefined;
  if (name === undefined) return undefined;
  const span = shape.spans[k] as NumberSpan;
  return pair.oldSolution.get(name)?.equals(span.signed) ? pair.newSolution.get(name) : undefined;
}

/**
 * Candidates for a number on a later side of a chain from the numbers on
 * the sides before it (`12 + 4 = 16`, `3(4) + 2(2) = 12 + 4`): the same
 * number, its negation, then one operation on two of them.
 */
function localCandidates(target: Fraction, local: readonly { old: Fraction; next: Fraction }[]): Candidate[] {
  const out: Candidate[] = [];
  for (const a of local) if (a.old.equals(target)) out.push({ value: a.next, label: 'local' });
  for (const a of local) if (a.old.equals(target.neg())) out.push({ value: a.next.neg(), label: '-local' });
  for (let i = 0; i < local.length; i += 1) {
    for (let j = 0; j < local.length; j += 1) {
      if (i === j) continue;
      const a = local[i] as { old: Fraction; next: Fraction };
      const b = local[j] as { old: Fraction; next: Fraction };
      if (i < j && a.old.add(b.old).equals(target)) out.push({ value: a.next.add(b.next), label: 'local+' });
      if (a.old.sub(b.old).equals(target)) out.push({ value: a.next.sub(b.next), label: 'local-' });
      if (i < j && a.old.mul(b.old).equals(target)) out.push({ value: a.next.mul(b.next), label: 'local*' });
      if (!b.old.equals(0) && !b.next.equals(0) && a.old.div(b.old).equals(target)) out.push({ value: a.next.div(b.next), label: 'local/' });
    }
  }
  return out;
}

/** A number in math is a coefficient or a constant; prose numbers are either. */
function spanKind(span: NumberSpan): 'coefficient' | 'constant' | undefined {
  if (!span.math && span.context === 'none') return undefined;
  return span.coefficient ? 'coefficient' : 'constant';
}

/** The cached value a rounded decimal stands for (an atom it rounds), or `undefined`. */
function roundedTarget(span: NumberSpan, search: DerivationSearch, pair: ProblemPair, rule: NumericRule): Fraction | undefined {
  if (span.style.kind !== 'decimal' || !span.style.approximate) return undefined;
  const literal = { value: span.signed, decimals: span.style.decimals, truncated: false };
  for (const value of [...pair.oldSolution.values(), ...search.knownValues()]) {
    if (!value.equals(span.signed) && literalMatches(value, literal, rule)) return value;
  }
  return undefined;
}

interface StepPlan {
  readonly candidates: readonly (readonly Candidate[])[];
  readonly chosen: Fraction[];
}

/** Whether a relation holds at the new solution with the chosen values, and eliminates the same unknowns. */
function relationHolds(
  relation: Relation,
  members: readonly number[],
  spans: readonly NumberSpan[],
  values: readonly Fraction[],
  pair: ProblemPair,
  rule: NumericRule,
  oldSignature: string | undefined,
): boolean {
  const map = new Map<string, Fraction>();
  for (const k of members) {
    const span = spans[k] as NumberSpan;
    map.set(fractionKey(sentinel(k)), (values[k] as Fraction).mul(outerSign(span)));
  }
  const sides = relation.sides.map((side) => substitute(side, map));
  for (let i = 0; i + 1 < sides.length; i += 1) {
    const left = sides[i] as Expr;
    const right = sides[i + 1] as Expr;
    const l = evaluate(left, pair.newSolution);
    const r = evaluate(right, pair.newSolution);
    if (l === undefined || r === undefined || !sidesAgree(left, l, right, r, rule)) return false;
  }
  if (sides.length === 2 && oldSignature !== undefined) {
    if (signature(sides[0] as Expr, sides[1] as Expr, pair.unknowns, pair.newEquations) !== oldSignature) return false;
  }
  return true;
}

/** Chooses values for one relation's numbers: the first candidates, then single, linked and paired changes. */
function solveRelation(
  entry: { relation: Relation; spans: readonly number[] },
  plan: StepPlan,
  spans: readonly NumberSpan[],
  pair: ProblemPair,
  rule: NumericRule,
): void {
  const members = entry.spans.filter((k) => (plan.candidates[k]?.length ?? 0) > 0);
  if (members.length === 0) return;
  const oldValues = new Map<string, Fraction>();
  for (const k of entry.spans) oldValues.set(fractionKey(sentinel(k)), (spans[k] as NumberSpan).magnitude);
  const oldSides = entry.relation.sides.map((side) => substitute(side, oldValues));
  const oldSignature =
    oldSides.length === 2 ? signature(oldSides[0] as Expr, oldSides[1] as Expr, pair.unknowns, pair.oldEquations) : undefined;
  const values = plan.chosen;
  let budget = RELATION_BUDGET;
  const holds = () => {
    budget -= 1;
    return relationHolds(entry.relation, entry.spans, spans, values, pair, rule, oldSignature);
  };
  if (holds()) return;
  const alternatives = (k: number) => (plan.candidates[k] ?? []).slice(1).map((c) => c.value);
  const first = (k: number) => (plan.candidates[k]?.[0]?.value ?? (spans[k] as NumberSpan).signed);
  // One number at a time, the second-best derivations of every number before the third-best.
  const depth = Math.max(0, ...members.map((k) => alternatives(k).length));
  for (let rank = 0; rank < depth; rank += 1) {
    for (const k of members) {
      const value = alternatives(k)[rank];
      if (value === undefined || budget <= 0) continue;
      values[k] = value;
      if (holds()) return;
      values[k] = first(k);
    }
  }
  // Numbers with the same cached value together (a multiplier written twice).
  const groups = new Map<string, number[]>();
  for (const k of members) {
    const key = fractionKey((spans[k] as NumberSpan).signed.abs());
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [lead] = group as [number];
    for (const value of alternatives(lead)) {
      if (budget <= 0) break;
      for (const k of group) {
        const sameSign = (spans[k] as NumberSpan).signed.s === (spans[lead] as NumberSpan).signed.s;
        values[k] = sameSign ? value : value.neg();
      }
      if (holds()) return;
    }
    for (const k of group) values[k] = first(k);
  }
  // Two numbers at a time, by increasing sum of ranks.
  for (let sum = 0; sum <= 2 * depth && budget > 0; sum += 1) {
    for (let a = 0; a < members.length; a += 1) {
      for (let b = a + 1; b < members.length; b += 1) {
        const ka = members[a] as number;
        const kb = members[b] as number;
        for (let ra = 0; ra <= sum; ra += 1) {
          const va = alternatives(ka)[ra];
          const vb = alternatives(kb)[sum - ra];
          if (va === undefined || vb === undefined || budget <= 0) continue;
          values[ka] = va;
          values[kb] = vb;
          if (holds()) return;
          values[ka] = first(ka);
          values[kb] = first(kb);
        }
      }
    }
  }
  for (const k of members) values[k] = first(k);
}

function render(step: string, spans: readonly NumberSpan[], values: readonly Fraction[]): string | undefined {
  const edits: TextEdit[] = [];
  for (let k = 0; k < spans.length; k += 1) {
    const span = spans[k] as NumberSpan;
    const value = values[k] as Fraction;
    if (value.equals(span.signed)) continue;
    const rendered = renderNumber(step, span, value);
    if (!rendered) return undefined;
    edits.push(...rendered);
  }
  return applyEdits(step, edits);
}

/**
 * Re-derives the numbers of cached steps for a new problem of the same
 * structure (see `pairProblems`), so a cached derivation can serve a request
 * that differs only in its constants.
 *
 * For each step, in order, every number that is math (see `scanNumbers`) is
 * traced back to the cached problem and given its value in the new one:
 * 1. a number of an equation in standard layout (`5y = 10`) takes the
 *    re-derived equation's coefficient (see `rederiveEquation`);
 * 2. a number stated as an unknown's value (`x = 2`) takes the new value;
 * 3. otherwise the simplest expression over the problems' aligned numbers
 *    and the numbers re-derived so far gives it (see `DerivationSearch`).
 *
 * Every equation of the step must then hold at the new solution and
 * eliminate the same unknowns as before; when it does not, the other
 * derivations of its numbers are tried (one number, numbers with the same
 * cached value together, two numbers), within a fixed budget. The rewritten
 * step is kept only when it passes `options.verify`; the prose numbers'
 * alternatives are tried when it does not. A step that cannot be
 * re-derived, or whose new numbers cannot be written in its style, ends the
 * work: it and every later step are returned unchanged, to fail verification
 * and be patched.
 *
 * @param steps - the cached steps, variables already renamed to the new problem's.
 * @returns the steps, rewritten where that succeeded.
 */
export function reinstantiateConstants(steps: readonly string[], pair: ProblemPair, options: ReinstantiateOptions): string[] {
  const search = new DerivationSearch(pair.atoms);
  const unknowns = new Set(pair.unknowns);
  const out: string[] = [];
  for (let s = 0; s < steps.length; s += 1) {
    const step = steps[s] as string;
    const shape = shapeOf(step, options.analyse, unknowns);
    if (!shape) {
      out.push(step);
      continue;
    }
    const { spans } = shape;
    const candidates: Candidate[][] = spans.map(() => []);
    const chosen: Fraction[] = spans.map((span) => span.signed);
    const plan: StepPlan = { candidates, chosen };
    const targetsOf = new Map<number, Map<number, Fraction>>();
    const done = new Set<number>();
    const settle = (k: number) => {
      const span = spans[k] as NumberSpan;
      if (shape.unread.has(k)) return;
      const list: Candidate[] = [];
      const relation = shape.relationOf[k] as number;
      if (relation >= 0 && !targetsOf.has(relation)) {
        const entry = shape.relations[relation] as { relation: Relation; spans: readonly number[] };
        targetsOf.set(relation, equationTargets(entry.relation, entry.spans, spans, pair));
      }
      const target = relation >= 0 ? targetsOf.get(relation)?.get(k) : undefined;
      if (target !== undefined) list.push({ value: target, label: 'equation' });
      // A hidden coefficient 1 most likely stays 1; other derivations are only alternatives.
      if (span.implicit) list.push({ value: span.signed, label: '=' });
      const claimed = claimedValue(step, span, pair) ?? (relation >= 0 ? chainEndValue(shape, relation, k, pair) : undefined);
      if (claimed !== undefined) list.push({ value: claimed, label: 'claim' });
      const rounded = roundedTarget(span, search, pair, options.rule);
      const kind = spanKind(span);
      const entryOf = relation >= 0 ? shape.relations[relation] : undefined;
      const sideExpr = entryOf?.relation.sides[shape.sideOf[k] as number];
      // Numbers computed from the sides before them (`12 + 4 = 16`) only on sides without unknowns.
      if (entryOf && sideExpr && (shape.sideOf[k] as number) > 0 && collectVariables(sideExpr, new Set()).size === 0) {
        const entry = entryOf;
        const local = entry.spans.filter((m) => (shape.sideOf[m] as number) < (shape.sideOf[k] as number));
        list.push(...localCandidates(span.signed, local.map((m) => ({ old: (spans[m] as NumberSpan).signed, next: chosen[m] as Fraction }))));
      }
      const derived = search.candidates(rounded ?? span.signed, CANDIDATES, kind);
      const seen = new Set<string>();
      const own = candidates[k] as Candidate[];
      for (const c of [...list, ...derived]) {
        const key = fractionKey(c.value);
        if (seen.has(key)) continue;
        seen.add(key);
        own.push(c);
      }
      const primary = own[0];
      if (primary) {
        chosen[k] = primary.value;
        if (!span.implicit) search.remember(`s${s}.${k}`, rounded ?? span.signed, primary.value, kind);
      }
    };
    const remember = (k: number) => {
      const span = spans[k] as NumberSpan;
      if (!shape.unread.has(k) && !span.implicit && !(span.style.kind === 'decimal' && span.style.approximate)) {
        search.remember(`s${s}.${k}`, span.signed, chosen[k] as Fraction, spanKind(span));
      }
    };
    for (let k = 0; k < spans.length; k += 1) {
      if (done.has(k)) continue;
      const relation = shape.relationOf[k] as number;
      if (relation < 0) {
        settle(k);
        done.add(k);
        continue;
      }
      const entry = shape.relations[relation] as { relation: Relation; spans: readonly number[] };
      for (const member of [...entry.spans].sort((a, b) => a - b)) {
        settle(member);
        done.add(member);
      }
      solveRelation(entry, plan, spans, pair, options.rule);
      for (const member of [...entry.spans].sort((a, b) => a - b)) remember(member);
    }
    let rewritten = render(step, spans, chosen);
    if (rewritten !== undefined && rewritten !== step && !options.verify(rewritten, out)) {
      rewritten = retryProse(step, shape, plan, out, options) ?? rewritten;
    }
    // A step that fails, rewritten or left as it was, ends the rewriting: it and the rest are patched.
    if (rewritten === undefined || !options.verify(rewritten, out)) {
      return [...out, ...steps.slice(s)];
    }
    spans.forEach((_, k) => remember(k));
    out.push(rewritten);
  }
  return out;
}

/** Tries the other derivations of the step's prose numbers, one at a time; returns the first rewrite that verifies. */
function retryProse(step: string, shape: StepShape, plan: StepPlan, previous: readonly string[], options: ReinstantiateOptions): string | undefined {
  let budget = PROSE_BUDGET;
  const { spans } = shape;
  for (let k = 0; k < spans.length; k += 1) {
    if ((shape.relationOf[k] as number) >= 0 || shape.unread.has(k) || spans[k]?.implicit) continue;
    const original = plan.chosen[k] as Fraction;
    for (const candidate of (plan.candidates[k] ?? []).slice(1)) {
      if (budget <= 0) return undefined;
      budget -= 1;
      plan.chosen[k] = candidate.value;
      const text = render(step, spans, plan.chosen);
      if (text !== undefined && options.verify(text, previous)) return text;
    }
    plan.chosen[k] = original;
  }
  return undefined;
}
