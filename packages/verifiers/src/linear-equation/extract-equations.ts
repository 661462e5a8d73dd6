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
  /** The label the text gives it (`(4)` in `-3y - z = -9 (4)` or `(1) 2x + y = 5`), if any. */
  readonly label?: number;
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
  | { readonly kind: 'fragment'; readonly index: number }
  /** A reference to a labelled equation: "equation (2)", "equation 2", "subtract (1) from (2)". */
  | { readonly kind: 'ref'; readonly label: number };

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

/** The number of a run that is only a label, `(2)` or `2)`, or `undefined`. */
function loneLabel(run: readonly Token[]): number | undefined {
  if (run.length === 3 && isLabel(run, 0)) return Number(run[1]?.value?.n);
  if (run.length === 2 && isSmallInteger(run[0]) && run[1]?.kind === 'rp') return Number(run[0]?.value?.n);
  return undefined;
}

/** Prose marks that may stand between an equation and its label: math delimiters and `\quad`/`&` spacing. */
const isSpacing = (item: ProseItem | undefined) => item?.kind === 'punct' && (item.text === '' || item.text === ';');

class Extractor {
  readonly relations: Relation[] = [];
  readonly fragments: Fragment[] = [];
  readonly unreadable: string[] = [];
  readonly inequalities: string[] = [];
  readonly prose: ProseItem[] = [];
  dangling = 0;
  /** A lone label read where a definition may start (`1) & \quad 2x + 3y = 12`): its prose position. */
  private pendingLabel: { label: number; at: number } | undefined;

  /**
   * Reads one maximal run of math tokens: cleans it up, then records relations or a fragment.
   * A label next to an equation (only spacing between, or in the same run) labels it; any
   * other label is a reference (`subtract (1) from (2)`, `equation (2)`).
   */
  addRun(input: readonly Token[]): void {
    const lone = loneLabel(input);
    if (lone !== undefined) {
      this.addLoneLabel(lone);
      return;
    }
    const afterWord = this.prose[this.prose.length - 1]?.kind === 'word';
    const { run: dropped, leading, trailing } = this.dropLabels(input);
    let run = dropped;
    if (leading !== undefined && afterWord) this.prose.push({ kind: 'ref', label: leading });
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
    const label = trailing ?? (afterWord ? undefined : leading) ?? this.takePendingLabel();
    this.prose.push({ kind: 'relation', index: this.relations.length });
    this.relations.push({
      sides: exprs,
      ops: ops as RelationOp[],
      text: exprs.map(formatExpr).reduce((acc, side, k) => `${acc} ${ops[k - 1]} ${side}`),
      ...(label !== undefined ? { label } : {}),
    });
  }

  private addLoneLabel(label: number): void {
    // After an equation with only spacing between (`2x + y = 5 \quad (1)`): its label.
    let k = this.prose.length - 1;
    while (k >= 0 && isSpacing(this.prose[k])) k -= 1;
    const before = this.prose[k];
    if (before?.kind === 'relation' && k < this.prose.length - 1) {
      const relation = this.relations[before.index] as Relation;
      if (relation.label === undefined) {
        this.relations[before.index] = { ...relation, label };
        return;
      }
    }
    this.prose.push({ kind: 'ref', label });
    // At the start of a line or list (`1) & \quad 2x + 3y = 12`): maybe the label of the next equation.
    if (before === undefined || before.kind === 'punct' || before.kind === 'relation') this.pendingLabel = { label, at: this.prose.length - 1 };
  }

  /** The pending label when only spacing separates it from here; it is then no reference. */
  private takePendingLabel(): number | undefined {
    const pending = this.pendingLabel;
    this.pendingLabel = undefined;
    if (!pending || this.prose[pending.at]?.kind !== 'ref') return undefined;
    for (let k = pending.at + 1; k < this.prose.length; k += 1) if (!isSpacing(this.prose[k])) return undefined;
    this.prose.splice(pending.at, 1);
    return pending.label;
  }

  /**
   * Drops equation labels: a leading `(1)` or `1)` followed by a spaced term
   * (`(1) 2x + y = 5`), a trailing spaced ` (2)` after a term, a lone `(3)`.
   * A bracketed number next to an operator or bracket is an operand
   * (`(2) - (6)`, `(2)(3)`), not a label.
   */
  private dropLabels(run: readonly Token[]): { run: Token[]; leading?: number; trailing?: number } {
    let start = 0;
    let end = run.length;
    let leading: number | undefined;
    let trailing: number | undefined;
    const term = (t: Token | undefined) => t !== undefined && (t.kind === 'num' || t.kind === 'var') && t.spaceBefore;
    if (run.length === 3 && isLabel(run, 0)) return { run: [] };
    if (isLabel(run, 0) && term(run[3])) {
      start = 3;
      leading = Number(run[1]?.value?.n);
    } else if (isSmallInteger(run[0]) && run[1]?.kind === 'rp') {
      start = 2;
      leading = Number(run[0]?.value?.n);
    }
    const before = run[end - 4];
    if (
      end - start >= 4 &&
      isLabel(run, end - 3) &&
      run[end - 3]?.spaceBefore &&
      (before?.kind === 'num' || before?.kind === 'var' || before?.kind === 'rp')
    ) {
      end -= 3;
      trailing = Number(run[end + 1]?.value?.n);
    }
    return {
      run: run.slice(start, end),
      ...(leading !== undefined ? { leading } : {}),
      ...(trailing !== undefined ? { trailing } : {}),
    };
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
