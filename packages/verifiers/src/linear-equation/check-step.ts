import type Fraction from 'fraction.js';
import type { Verdict } from '../verifier';
import { asLiteral, collectLiterals, collectVariables, evaluate, formatExpr, type Expr } from './expression';
import { AMBIGUOUS_LETTERS } from './detect-linear-problem';
import { relationLiterals, type Fragment, type ProseItem, type Relation, type TextAnalysis } from './extract-equations';
import { claimText, valueClaims } from './final-answer';
import { numberKey } from './justified-numbers';
import type { LinearProblem } from './linear-problem';
import { literalMatches, sidesAgree, type NumericRule } from './numeric-rule';
import { checkReasoning } from './step-reasoning';

const OK: Verdict = { ok: true };
const NO_VALUES: ReadonlyMap<string, Fraction> = new Map();
const NO_KEYS: ReadonlySet<string> = new Set();
const fail = (reason: string): Verdict => ({ ok: false, reason });

/** Prose words after which a lone letter names a variable ("solve for x", "isolate y"). */
const VARIABLE_CUES = new Set([
  'for',
  'of',
  'isolate',
  'isolating',
  'eliminate',
  'eliminating',
  'substitute',
  'substituting',
  'variable',
  'unknown',
]);

const numbersOf = new WeakMap<TextAnalysis, ReadonlySet<string>>();

/** Every number a text writes (in equations and prose), memoised per analysis. */
function numbersIn(analysis: TextAnalysis): ReadonlySet<string> {
  let keys = numbersOf.get(analysis);
  if (!keys) {
    const set = new Set<string>();
    for (const relation of analysis.relations) for (const value of relationLiterals(relation)) set.add(numberKey(value));
    for (const fragment of analysis.fragments) {
      for (const value of fragment.literals) set.add(numberKey(value));
      const constant = fragment.expr && evaluate(fragment.expr, NO_VALUES);
      if (constant) set.add(numberKey(constant));
    }
    keys = set;
    numbersOf.set(analysis, keys);
  }
  return keys;
}

function pairText(left: Expr, op: string, right: Expr): string {
  return `${formatExpr(left)} ${op} ${formatExpr(right)}`;
}

/** Checks one pair of a relation chain at the solution; returns a reason when it fails. */
function checkPair(left: Expr, op: string, right: Expr, problem: LinearProblem, rule: NumericRule): string | undefined {
  if (left.kind === 'tuple' || right.kind === 'tuple') {
    if (left.kind !== 'tuple' || right.kind !== 'tuple' || left.items.length !== right.items.length) {
      return `"${pairText(left, op, right)}" compares lists of different lengths`;
    }
    for (let i = 0; i < left.items.length; i += 1) {
      const reason = checkPair(left.items[i] as Expr, op, right.items[i] as Expr, problem, rule);
      if (reason) return reason;
    }
    return undefined;
  }
  const l = evaluate(left, problem.solution);
  const r = evaluate(right, problem.solution);
  if (l === undefined || r === undefined) return `"${pairText(left, op, right)}" cannot be evaluated (division by zero?)`;
  if (sidesAgree(left, l, right, r, rule)) return undefined;
  return `"${pairText(left, op, right)}" is false for this problem (check the arithmetic)`;
}

function unknownSymbol(names: Iterable<string>, problem: LinearProblem): string | undefined {
  for (const name of names) if (!problem.solution.has(name)) return name;
  return undefined;
}

/** Lone letters that prose uses as variable names: in math delimiters, or after a cue word. */
function mentionedVariables(analysis: TextAnalysis): string[] {
  const names: string[] = [];
  analysis.prose.forEach((item: ProseItem, k) => {
    if (item.kind !== 'fragment') return;
    const fragment = analysis.fragments[item.index] as Fragment;
    const expr = fragment.expr;
    const vars = expr?.kind === 'var' ? [expr] : expr?.kind === 'tuple' ? expr.items : [];
    if (vars.length === 0 || !vars.every((v) => v.kind === 'var')) return;
    const previous = analysis.prose[k - 1];
    const cued = previous?.kind === 'word' && VARIABLE_CUES.has(previous.text);
    for (const v of vars) {
      if (v.kind !== 'var') continue;
      if (fragment.math || (cued && !AMBIGUOUS_LETTERS.has(v.name))) names.push(v.name);
    }
  });
  return names;
}

const solutionKeysOf = new WeakMap<LinearProblem, ReadonlySet<string>>();

function solutionKeys(problem: LinearProblem): ReadonlySet<string> {
  let keys = solutionKeysOf.get(problem);
  if (!keys) {
    keys = new Set([...problem.solution.values()].map(numberKey));
    solutionKeysOf.set(problem, keys);
  }
  return keys;
}

/**
 * Whether every number of a variable-free side comes from the problem, an
 * earlier step or `stated`; a written fraction `a/b` counts as the one number
 * it is when its parts alone do not (`18(-5/2) - 14` after `t = -5/2`).
 */
function groundedSide(side: Expr, stated: ReadonlySet<string>, problem: LinearProblem, previous: readonly TextAnalysis[]): boolean {
  const justified = (value: Fraction) => isJustified(value, stated, problem, previous);
  const visit = (expr: Expr): boolean => {
    if (expr.kind === 'div') {
      const numerator = asLiteral(expr.left);
      const denominator = asLiteral(expr.right);
      if (numerator && denominator && !denominator.value.equals(0) && justified(numerator.value.div(denominator.value))) return true;
    }
    switch (expr.kind) {
      case 'num':
        return justified(expr.value);
      case 'var':
        return true;
      case 'neg':
      case 'func':
        return visit(expr.arg);
      case 'tuple':
        return expr.items.every(visit);
      default:
        return visit(expr.left) && visit(expr.right);
    }
  };
  return visit(side);
}

/** The terms of a sum with their signs: `7 - 2x` → `+7`, `-2x`. */
function additiveTerms(expr: Expr, sign: 1 | -1 = 1, into: { sign: 1 | -1; expr: Expr }[] = []): { sign: 1 | -1; expr: Expr }[] {
  if (expr.kind === 'add' || expr.kind === 'sub') {
    additiveTerms(expr.left, sign, into);
    additiveTerms(expr.right, expr.kind === 'sub' ? (-sign as 1 | -1) : sign, into);
  } else if (expr.kind === 'neg') {
    additiveTerms(expr.arg, -sign as 1 | -1, into);
  } else {
    into.push({ sign, expr });
  }
  return into;
}

/**
 * Whether a side of plain numbers is the side before it with the solution
 * put in, term by term (`y = 7 - 2x = 7 - 6` once x = 3): its numbers then
 * come from that side, not from another problem.
 */
function substitutesSolution(before: Expr, side: Expr, problem: LinearProblem): boolean {
  if (collectVariables(before, new Set()).size === 0) return false;
  const expected = additiveTerms(before).map(({ sign, expr }) => evaluate(expr, problem.solution)?.mul(sign));
  const written = additiveTerms(side).map(({ sign, expr }) => asLiteral(expr)?.value.mul(sign));
  if (expected.length !== written.length) return false;
  const keys = (values: readonly (Fraction | undefined)[]) => values.map((v) => (v === undefined ? '?' : numberKey(v))).sort();
  const [a, b] = [keys(expected), keys(written)];
  return !a.includes('?') && !b.includes('?') && a.every((key, i) => key === b[i]);
}

/**
 * The arithmetic a relation works out for an unknown: the sides after a lone
 * unknown (`x = 4/2 = 2`, `z = 6 - 1 - 2 = 3`) that hold no unknown and are
 * more than one number (a bare `7/3` or `-2` is a stated value).
 */
function computedSides(relation: Relation): Expr[] {
  if (relation.sides[0]?.kind !== 'var') return [];
  return relation.sides.slice(1).filter((side) => {
    if (collectVariables(side, new Set()).size > 0 || asLiteral(side)) return false;
    const fraction = side.kind === 'neg' ? side.arg : side;
    return !(fraction.kind === 'div' && asLiteral(fraction.left) && asLiteral(fraction.right));
  });
}

/** The key of the value a relation `x = … = c` states for an unknown, when it is the solution's. */
function solvedValue(relation: Relation, problem: LinearProblem): string | undefined {
  const first = relation.sides[0];
  const last = relation.sides[relation.sides.length - 1];
  if (first?.kind !== 'var' || !last || relation.ops.includes('≈')) return undefined;
  const exact = problem.solution.get(first.name);
  const value = evaluate(last, NO_VALUES);
  return exact && value?.equals(exact) ? numberKey(exact) : undefined;
}

/** A fragment that states a value (checked as a claim), so its numbers need no other justification. */
function isClaimed(expr: Expr | undefined, claimed: ReadonlySet<Expr>): boolean {
  if (!expr) return false;
  return claimed.has(expr) || (expr.kind === 'tuple' && expr.items.every((item) => claimed.has(item)));
}

function isJustified(value: Fraction, own: ReadonlySet<string>, problem: LinearProblem, previous: readonly TextAnalysis[]): boolean {
  const key = numberKey(value);
  if (problem.justifiedNumbers.has(key) || own.has(key)) return true;
  return previous.some((analysis) => numbersIn(analysis).has(key));
}

/**
 * Whether an analysed line can stand after an answer's final statement as a
 * check: it states no value for an unknown, holds at least one equation and
 * no loose numbers, its equations have no unknowns
 * (a substitution worked out, "2(2) + 3 = 7"), and every number on every side
 * comes from the problem or an earlier line — so a check that plugs in a
 * wrong value ("2·0 + 10 = 10" after "t = 1") is refused.
 */
export function isTrailingCheck(analysis: TextAnalysis, problem: LinearProblem, previous: readonly TextAnalysis[]): boolean {
  if (valueClaims(analysis, problem).length > 0) return false;
  // A check works something out: at least one equation, and no loose numbers — a bare
  // "(−1, 25/4)" is an answer the verifier could not read, never a check.
  if (analysis.relations.length === 0 || analysis.fragments.some((fragment) => fragment.literals.length > 0)) return false;
  return analysis.relations.every(
    (relation) =>
      relation.sides.every((side) => collectVariables(side, new Set()).size === 0) &&
      relation.sides.every((side) => collectLiterals(side, []).every((value) => isJustified(value, NO_KEYS, problem, previous))),
  );
}

/**
 * Checks one analysed step against the problem:
 * 1. everything that looks like an equation must read as one, and no
 *    inequality may appear;
 * 2. every equation may use only the problem's unknowns and must hold at its
 *    exact solution (each consecutive pair of a chain `a = b = c`; rounded
 *    decimals per the {@link NumericRule});
 * 3. every value stated for an unknown in prose ("x is 2", "the solution is
 *    (2, 3)") must be right;
 * 4. every number the prose mentions ("subtract 3 from both sides") must come
 *    from the problem, from an earlier step or from this step's equations,
 *    and an equation with no unknowns (`7 - 3 = 4`) must have one side made
 *    only of such numbers — so prose or arithmetic left over from another
 *    problem is never reused;
 * 5. a letter the prose uses as a variable must be an unknown;
 * 6. for a step taken from an answer to another problem (`source`), no number
 *    may be one that only that problem justifies — an equation copied from
 *    `2x + 3 = 7` ("2x + 3 - 3 = 7 - 3") is refused for `2x + 5 = 9` even
 *    though it happens to hold at the shared solution x = 2;
 * 7. the step's equations must follow from each other and from the steps
 *    before it the way its prose says (`checkReasoning`): "subtract 3 from
 *    both sides", "add equations (1) and (2)", "substitute x = 2 into
 *    equation (1)" must give what they name, and a simplification line must
 *    restate the line before it.
 */
export function checkStep(
  analysis: TextAnalysis,
  problem: LinearProblem,
  previous: readonly TextAnalysis[],
  rule: NumericRule,
  source?: LinearProblem,
): Verdict {
  const unreadable = analysis.unreadable[0];
  if (unreadable !== undefined) return fail(`"${unreadable}" cannot be read as a linear equation`);
  const inequality = analysis.inequalities[0];
  if (inequality !== undefined) return fail(`"${inequality}" is an inequality; this problem needs equations only`);

  const own = new Set<string>();
  for (const relation of analysis.relations) for (const value of relationLiterals(relation)) own.add(numberKey(value));

  // Values of unknowns the step states (rightly) before a worked check may ground it: "y = 4. Check: 9(4) - 7 = 29".
  const stated = new Set<string>();
  for (const relation of analysis.relations) {
    // A value worked out as arithmetic (`n = 53/4 + 7(-1) = 25/4`) must work with numbers that have a source:
    // the problem, earlier steps, or the equations before it in this step.
    for (const side of computedSides(relation)) {
      const before = relation.sides[relation.sides.indexOf(side) - 1];
      if (before !== undefined && substitutesSolution(before, side, problem)) continue;
      if (!groundedSide(side, stated, problem, previous)) {
        return fail(`"${relation.text}" works out a value from numbers that do not come from this problem or the steps before it`);
      }
    }
    const symbol = unknownSymbol(
      relation.sides.reduce((acc, side) => collectVariables(side, acc), new Set<string>()),
      problem,
    );
    if (symbol !== undefined) return fail(`"${relation.text}" uses ${symbol}, which is not an unknown of this problem`);
    for (let k = 0; k < relation.ops.length; k += 1) {
      const reason = checkPair(relation.sides[k] as Expr, relation.ops[k] as string, relation.sides[k + 1] as Expr, problem, rule);
      if (reason) return fail(reason);
    }
    const arithmetic = relation.sides.every((side) => collectVariables(side, new Set()).size === 0);
    if (arithmetic) {
      const grounded = relation.sides.some((side) => groundedSide(side, stated, problem, previous));
      if (!grounded) return fail(`"${relation.text}" works with numbers that do not come from this problem`);
    }
    const value = solvedValue(relation, problem);
    if (value !== undefined) stated.add(value);
    for (const literal of relationLiterals(relation)) stated.add(numberKey(literal));
  }

  const reasoning = checkReasoning(analysis, problem, previous);
  if (!reasoning.verdict.ok) return reasoning.verdict;
  for (const key of reasoning.vouched) own.add(key);

  const claims = valueClaims(analysis, problem);
  const claimed = new Set<Expr>(claims.map((claim) => claim.value));
  for (const claim of claims) {
    if (claim.fromRelation) continue;
    const exact = problem.solution.get(claim.variable);
    if (exact === undefined) {
      if (AMBIGUOUS_LETTERS.has(claim.variable)) continue;
      return fail(`it gives a value for ${claim.variable}, which is not an unknown of this problem`);
    }
    const stated = evaluate(claim.value, problem.solution);
    const literal = asLiteral(claim.value);
    const right = stated !== undefined && (stated.equals(exact) || (literal !== undefined && literalMatches(exact, literal, rule)));
    if (!right) return fail(`it states ${claimText(claim)}, which is not the solution of this problem`);
  }

  // A tuple of as many numbers as unknowns reads as the solution even when the request leaves
  // the order open (so no claim was read from it): its values must be the solution's, in some order.
  for (const fragment of analysis.fragments) {
    const expr = fragment.expr;
    if (expr?.kind !== 'tuple' || expr.items.length !== problem.unknowns.length || isClaimed(expr, claimed)) continue;
    const values = expr.items.map((item) => evaluate(item, NO_VALUES));
    if (values.some((value) => value === undefined)) continue;
    const remaining = [...problem.solution.values()];
    const matches = values.every((value) => {
      const at = remaining.findIndex((exact) => exact.equals(value as Fraction));
      if (at === -1) return false;
      remaining.splice(at, 1);
      return true;
    });
    if (!matches) return fail(`it states the solution as ${formatExpr(expr)}, which does not match this problem's solution in any order`);
  }

  if (source !== undefined && source !== problem) {
    for (const key of numbersIn(analysis)) {
      const foreign =
        source.justifiedNumbers.has(key) &&
        !solutionKeys(problem).has(key) &&
        !problem.justifiedNumbers.has(key) &&
        !previous.some((p) => numbersIn(p).has(key));
      if (foreign) return fail(`it uses the number ${key}, which belongs to a different problem, not this one`);
    }
  }

  for (const fragment of analysis.fragments) {
    if (fragment.literals.length === 0 || isClaimed(fragment.expr, claimed)) continue;
    const constant = fragment.expr && evaluate(fragment.expr, NO_VALUES);
    if (constant && isJustified(constant, own, problem, previous)) continue;
    const stray = fragment.literals.find((value) => !isJustified(value, own, problem, previous));
    if (stray !== undefined) {
      return fail(`it mentions the number ${stray.toFraction()}, which does not appear in this problem or in the steps before it`);
    }
  }

  const symbol = unknownSymbol(mentionedVariables(analysis), problem);
  if (symbol !== undefined) return fail(`it refers to ${symbol}, which is not an unknown of this problem`);
  return OK;
}
