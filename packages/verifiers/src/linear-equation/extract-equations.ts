import type Fraction from 'fraction.js';
import { collectLiterals, collectVariables, formatExpr, type Expr } from './expression';
import { normaliseMathText } from './normalise-math';
import { parseTokens } from './parse-math';
import { tokenizeMath, type Token } from './tokenize-math';

/** A relation operator between two sides. `≈` claims a rounded value. */
export type RelationOp = '=' | '≈';

/**
 * An equation or a chain of them as written: `x = 3 - 1 = 2` has three sides
 * and two operators; each consecutive pair is one claim.
 */
export interface Relation {
  readonly sides: readonly Expr[];
  readonly ops: readonly RelationOp[];
  /** The relation written back as plain math, for messages. */
  readonly text: string;
}

/** A piece of math with no relation in it: `3` in "subtract 3", `x` in "solve for x", `(2, 3)`. */
export interface Fragment {
  /** The parsed fragment, or `undefined` when it is not one expression. */
  readonly expr: Expr | undefined;
  /** Number literals in the fragment, without sign. */
  readonly literals: readonly Fraction[];
  /** Variables in the fragment. */
  readonly variables: readonly string[];
  /** Written inside math delimiters. */
  readonly math: boolean;
}

/** An element of the prose skeleton of a text: words, punctuation and the math found between them. */
export type ProseItem =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'punct'; readonly text: string }
  | { readonly kind: 'relation'; readonly index: number }
  | { readonly kind: 'fragment'; readonly index: number };

/** Everything the linear-equation checks need to know about one text. */
export interface TextAnalysis {
  readonly relations: readonly Relation[];
  readonly fragments: readonly Fragment[];
  /** Text read as a relation (`2xy = 4`, `x = ±2`) whose sides are not expressions. */
  readonly unreadable: readonly string[];
  /** Inequalities (`<`, `≤`, `≠`, …) as written. */
  readonly inequalities: readonly string[];
  /** Relations with a missing side (`the left side = 9`), dropped. */
  readonly dangling: number;
  /** The text as words, punctuation and references to its relations and fragments, in order. */
  readonly prose: readonly ProseItem[];
}

const MATH_KINDS = new Set(['num', 'var', 'op', 'rel', 'lp', 'rp', 'func', 'bar', 'garbage']);
/** Largest integer read as an equation label in `(1)` or `1)`. */
const MAX_LABEL = 20;

function isSmallInteger(t: Token | undefined): boolean {
  return t?.kind === 'num' && t.value !== undefined && t.value.d === 1n && t.value.n <= BigInt(MAX_LABEL) && t.decimals === 0;
}

function isLabel(run: readonly Token[], at: number): boolean {
  return run[at]?.kind === 'lp' && isSmallInteger(run[at + 1]) && run[at + 2]?.kind === 'rp';
}

class Extractor {
  readonly relations: Relation[] = [];
  readonly fragments: Fragment[] = [];
  readonly unreadable: string[] = [];
  readonly inequalities: string[] = [];
  readonly prose: ProseItem[] = [];
  dangling = 0;

  /** Reads one maximal run of math tokens: cleans it up, then records relations or a fragment. */
  addRun(input: readonly Token[]): void {
    let run = this.dropLabels(input);
    if (run.length === 0) return;
    // `x = 2 (since 4/2 = 2)` arrives as `x = 2 (` and `4/2 = 2)`: the parts on either side of a
    // bracket without a partner are read separately, so no math is ever dropped unread.
    const bracket = this.unmatchedBracket(run);
    if (bracket !== -1) {
      this.addRun(run.slice(0, bracket));
      this.addRun(run.slice(bracket + 1));
      return;
    }
    // `(x = 2, y = 3)`: a bracketed list of relations is several relations.
    if (run[0]?.kind === 'lp' && run[run.length - 1]?.kind === 'rp' && this.hasRelationAtDepth(run, 1)) {
      for (const part of this.splitTopLevel(run.slice(1, -1), 'comma')) this.addRun(part);
      return;
    }
    run = this.trim(run);
    if (run.length === 0) return;
    const sides: Token[][] = [[]];
    const ops: string[] = [];
    let depth = 0;
    for (const t of run) {
      if (t.kind === 'lp') depth += 1;
      if (t.kind === 'rp') depth -= 1;
      if (t.kind === 'rel' && depth === 0) {
        ops.push(t.text);
        sides.push([]);
      } else {
        (sides[sides.length - 1] as Token[]).push(t);
      }
    }
    if (ops.length === 0) {
      const expr = parseTokens(run);
      this.prose.push({ kind: 'fragment', index: this.fragments.length });
      this.fragments.push({
        expr,
        literals: run.flatMap((t) => (t.kind === 'num' && t.value ? [t.value] : [])),
        variables: expr ? [...collectVariables(expr, new Set())] : run.filter((t) => t.kind === 'var').map((t) => t.text),
        math: run.some((t) => t.math),
      });
      return;
    }
    if (ops.some((op) => op !== '=' && op !== '≈')) {
      this.inequalities.push(tokensText(run));
      return;
    }
    const parsed = sides.map((side) => parseTokens(side));
    if (parsed.some((side) => side === undefined)) {
      this.unreadable.push(tokensText(run));
      return;
    }
    const exprs = parsed as Expr[];
    this.prose.push({ kind: 'relation', index: this.relations.length });
    this.relations.push({
      sides: exprs,
      ops: ops as RelationOp[],
      text: exprs.map(formatExpr).reduce((acc, side, k) => `${acc} ${ops[k - 1]} ${side}`),
    });
  }

  /**
   * Drops equation labels: a leading `(1)` or `1)` followed by a spaced term
   * (`(1) 2x + y = 5`), a trailing spaced ` (2)` after a term, a lone `(3)`.
   * A bracketed number next to an operator or bracket is an operand
   * (`(2) - (6)`, `(2)(3)`), not a label.
   */
  private dropLabels(run: readonly Token[]): Token[] {
    let start = 0;
    let end = run.length;
    const term = (t: Token | undefined) => t !== undefined && (t.kind === 'num' || t.kind === 'var') && t.spaceBefore;
    if (run.length === 3 && isLabel(run, 0)) return [];
    if (isLabel(run, 0) && term(run[3])) start = 3;
    else if (isSmallInteger(run[0]) && run[1]?.kind === 'rp') start = 2;
    const before = run[end - 4];
    if (
      end - start >= 4 &&
      isLabel(run, end - 3) &&
      run[end - 3]?.spaceBefore &&
      (before?.kind === 'num' || before?.kind === 'var' || before?.kind === 'rp')
    ) {
      end -= 3;
    }
    return run.slice(start, end);
  }

  /** Index of the first bracket that has no partner inside the run, or -1. */
  private unmatchedBracket(run: readonly Token[]): number {
    const open: number[] = [];
    for (let k = 0; k < run.length; k += 1) {
      const t = run[k] as Token;
      if (t.kind === 'lp') open.push(k);
      else if (t.kind === 'rp') {
        if (open.length === 0) return k;
        open.pop();
      }
    }
    return open.length > 0 ? (open[0] as number) : -1;
  }
  private hasRelationAtDepth(run: readonly Token[], target: number): boolean {
    let depth = 0;
    for (const t of run) {
      if (t.kind === 'lp') depth += 1;
      else if (t.kind === 'rp') depth -= 1;
      else if (t.kind === 'rel' && depth === target) return true;
    }
    return false;
  }

  private splitTopLevel(run: readonly Token[], kind: Token['kind']): Token[][] {
    const parts: Token[][] = [[]];
    let depth = 0;
    for (const t of run) {
      if (t.kind === 'lp') depth += 1;
      if (t.kind === 'rp') depth -= 1;
      if (t.kind === kind && depth === 0) parts.push([]);
      else (parts[parts.length - 1] as Token[]).push(t);
    }
    return parts;
  }

  /** Removes operators and relations that dangle at either end (`= 9` after "the left side"). */
  private trim(run: Token[]): Token[] {
    let start = 0;
    let end = run.length;
    const leading = (t: Token) => t.kind === 'rel' || t.kind === 'comma' || (t.kind === 'op' && t.text !== '-' && t.text !== '+');
    const trailing = (t: Token) => t.kind === 'rel' || t.kind === 'comma' || t.kind === 'op';
    while (start < end && leading(run[start] as Token)) {
      if (run[start]?.kind === 'rel') this.dangling += 1;
      start += 1;
    }
    while (end > start && trailing(run[end - 1] as Token)) {
      if (run[end - 1]?.kind === 'rel') this.dangling += 1;
      end -= 1;
    }
    return run.slice(start, end);
  }
}

function tokensText(tokens: readonly Token[]): string {
  return tokens
    .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text)
    .join('')
    .trim();
}

/**
 * Finds the math in a text: maximal runs of math tokens are cut at words,
 * sentence punctuation, top-level commas, semicolons, arrows and (outside
 * display math) newlines. A run with `=`/`≈` becomes a {@link Relation}; one
 * without becomes a {@link Fragment}. English words are never variables: a
 * variable is a single letter, optionally subscripted (`x_1`, `x1`), or any
 * letter inside math delimiters.
 */
export function analyseText(text: string): TextAnalysis {
  const tokens = tokenizeMath(normaliseMathText(text));
  const extractor = new Extractor();
  let run: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (run.length > 0) extractor.addRun(run);
    run = [];
    depth = 0;
  };
  for (const t of tokens) {
    if (MATH_KINDS.has(t.kind) || (t.kind === 'comma' && depth > 0)) {
      if (t.kind === 'lp') depth += 1;
      else if (t.kind === 'rp' && depth > 0) depth -= 1;
      run.push(t);
      continue;
    }
    flush();
    if (t.kind === 'word') extractor.prose.push({ kind: 'word', text: t.text.toLowerCase() });
    else if (t.kind === 'punct' || t.kind === 'comma' || t.kind === 'break') {
      // Math delimiters leave an empty mark: they end a run of math but not a phrase ("x is $2$").
      extractor.prose.push({ kind: 'punct', text: t.text });
    }
  }
  flush();
  return {
    relations: extractor.relations,
    fragments: extractor.fragments,
    unreadable: extractor.unreadable,
    inequalities: extractor.inequalities,
    dangling: extractor.dangling,
    prose: extractor.prose,
  };
}

/** Number literals of a relation, without sign. */
export function relationLiterals(relation: Relation): Fraction[] {
  const into: Fraction[] = [];
  for (const side of relation.sides) collectLiterals(side, into);
  return into;
}
