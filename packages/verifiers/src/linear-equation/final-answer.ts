import { collectVariables, formatExpr, type Expr } from './expression';
import type { Fragment, ProseItem, Relation, TextAnalysis } from './extract-equations';
import type { LinearProblem } from './linear-problem';

/** A statement that an unknown has a constant value: `x = 7/3`, "y is 2", "the solution is (2, 3)". */
export interface ValueClaim {
  readonly variable: string;
  /** The constant stated for it (a literal keeps its written precision). */
  readonly value: Expr;
  /** Written as an equation (already checked as one) rather than in prose. */
  readonly fromRelation: boolean;
}

/** Words that introduce an answer: "the solution is …", "answer: …". */
const ANSWER_NOUNS = new Set(['answer', 'solution', 'solutions', 'result', 'pair', 'point']);
/** Words that may stand between an answer noun and the value. */
const ANSWER_FILLERS = new Set([
  'is',
  'are',
  'the',
  'ordered',
  'pair',
  'of',
  'to',
  'system',
  'equation',
  'final',
  'would',
  'be',
  'will',
  'given',
  'by',
  'therefore',
  'thus',
  'so',
  'this',
  'that',
  'we',
  'get',
  'have',
  'obtain',
  'exact',
  'exactly',
  'approximately',
  'about',
]);
/** Words that link an unknown to its value in prose: "x is 2", "x equals 2", "x is equal to 2". */
const LINKS = new Set(['is', 'equals', 'equal', 'to', 'approximately', 'about', 'exactly', 'must', 'be', 'would', 'will']);

function isConstant(expr: Expr): boolean {
  return collectVariables(expr, new Set()).size === 0;
}

function relationClaims(relation: Relation): ValueClaim[] {
  const claims: ValueClaim[] = [];
  const constants = relation.sides.filter((side) => side.kind !== 'tuple' && isConstant(side));
  const value = constants[constants.length - 1];
  for (const side of relation.sides) {
    if (side.kind === 'var' && value) claims.push({ variable: side.name, value, fromRelation: true });
    if (side.kind === 'tuple' && side.items.every((item) => item.kind === 'var')) {
      const values = relation.sides.find(
        (other) => other.kind === 'tuple' && other.items.length === side.items.length && isConstant(other),
      );
      if (values?.kind === 'tuple') {
        side.items.forEach((item, i) => {
          if (item.kind === 'var') claims.push({ variable: item.name, value: values.items[i] as Expr, fromRelation: true });
        });
      }
    }
  }
  return claims;
}

function constantFragment(fragment: Fragment | undefined): Expr | undefined {
  const expr = fragment?.expr;
  return expr && isConstant(expr) ? expr : undefined;
}

function bareClaims(value: Expr, problem: LinearProblem): ValueClaim[] {
  if (value.kind === 'tuple') {
    const order = problem.tupleOrder;
    if (!order || order.length !== value.items.length) return [];
    return order.map((variable, i) => ({ variable, value: value.items[i] as Expr, fromRelation: false }));
  }
  const single = problem.asked.length === 1 ? problem.asked[0] : problem.unknowns.length === 1 ? problem.unknowns[0] : undefined;
  return single === undefined ? [] : [{ variable: single, value, fromRelation: false }];
}

/**
 * Every value an analysed text states for an unknown: equations whose one
 * side is a lone unknown and another side a constant (`x = 3 - 1 = 2`,
 * `(x, y) = (2, 3)`), prose ("x is 2", "the value of y equals -1/2") and bare
 * answers ("the solution is (2, 3)", "answer: 7/3", `\boxed{2}`). A bare
 * number is read as the asked-for unknown only when one is asked for; a bare
 * tuple only when the problem fixes the order of unknowns.
 */
export function valueClaims(analysis: TextAnalysis, problem: LinearProblem): ValueClaim[] {
  const claims = analysis.relations.flatMap(relationClaims);
  const prose = analysis.prose;
  const fragmentAt = (item: ProseItem | undefined) =>
    item?.kind === 'fragment' ? analysis.fragments[item.index] : undefined;

  for (let k = 0; k < prose.length; k += 1) {
    const item = prose[k] as ProseItem;
    const fragment = fragmentAt(item);
    if (fragment?.expr?.kind === 'var') {
      // "x is 2", "x is equal to 2"
      let j = k + 1;
      let linked = false;
      for (; j < prose.length; j += 1) {
        const next = prose[j] as ProseItem;
        if (next.kind === 'word' && LINKS.has(next.text)) linked = true;
        else if (!(next.kind === 'punct' && next.text === '')) break;
      }
      const value = linked ? constantFragment(fragmentAt(prose[j])) : undefined;
      if (value && value.kind !== 'tuple') claims.push({ variable: fragment.expr.name, value, fromRelation: false });
      continue;
    }
    // "try 3 for x", "substitute 2 for x"
    const stated = constantFragment(fragment);
    const after = prose[k + 1];
    const named = fragmentAt(prose[k + 2]);
    if (stated && stated.kind !== 'tuple' && after?.kind === 'word' && after.text === 'for' && named?.expr?.kind === 'var') {
      claims.push({ variable: named.expr.name, value: stated, fromRelation: false });
      continue;
    }
    if (item.kind !== 'word' || !ANSWER_NOUNS.has(item.text)) continue;
    let j = k + 1;
    while (j < prose.length) {
      const next = prose[j] as ProseItem;
      if (next.kind === 'word' && ANSWER_FILLERS.has(next.text)) j += 1;
      else if (next.kind === 'punct' && (next.text === ':' || next.text === ',' || next.text === '')) j += 1;
      else break;
    }
    const value = constantFragment(fragmentAt(prose[j]));
    if (value) claims.push(...bareClaims(value, problem));
  }
  return claims;
}

/** The claim written back as `x = …`, for messages. */
export function claimText(claim: ValueClaim): string {
  return `${claim.variable} = ${formatExpr(claim.value)}`;
}
