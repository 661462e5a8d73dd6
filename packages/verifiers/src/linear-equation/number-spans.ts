import Fraction from 'fraction.js';
import { isDigit, isLetter } from './characters';
import { gcd } from './integers';

/**
 * How the sign in front of a number reads:
 * - `binary`: an operator between two terms (`2x - 3`, `7 + 3`); the number's
 *   signed value includes it and a re-derived value may flip it (`2x + 4`);
 * - `unary`: a minus that starts a term (`= -4`, `(-2)`); it goes away when
 *   the new value is positive;
 * - `none`: no sign (`subtract 3`, `= 4`, `\frac{4}{2}`).
 */
export type SignContext = 'binary' | 'unary' | 'none';

/** How a number is written, so a new value can be written the same way. */
export type NumberStyle =
  | { readonly kind: 'integer' }
  | {
      readonly kind: 'decimal';
      /** Digits after the point. */
      readonly decimals: number;
      /** A rounded value (after `≈` or before `...`), re-rounded to as many decimals. */
      readonly approximate: boolean;
    }
  | { readonly kind: 'fraction' }
  | {
      readonly kind: 'latex-fraction';
      /** `frac`, `dfrac`, `tfrac` or `cfrac`. */
      readonly command: string;
    };

/** One number of a step that may be re-derived, with where and how it is written. */
export interface NumberSpan {
  /** Start of the text a new value replaces: the operator for `binary`, the minus for `unary`. */
  readonly start: number;
  /** End of the number (exclusive). */
  readonly end: number;
  /** Where the number itself (without sign) starts. */
  readonly numberStart: number;
  /** The text from `start` to `numberStart` (`- `, `-`, or empty). */
  readonly operator: string;
  readonly context: SignContext;
  /** The number as written, without sign (a fraction literal `7/3` is one number). */
  readonly magnitude: Fraction;
  /** The value with the sign in front of it (`-3` in `x - 3`). */
  readonly signed: Fraction;
  readonly style: NumberStyle;
  /** Inside math delimiters (`\( \)`, `\[ \]`, `$ $`). */
  readonly math: boolean;
  /** Directly followed by a variable or a bracket (`2x`, `3(x + 1)`): a coefficient, written without a 1. */
  readonly coefficient: boolean;
  /** The coefficient 1 of a bare variable (`x` in `x - y = 1`): no digits are written; a new value is inserted. */
  readonly implicit?: boolean;
}

/** Result of scanning a step: its numbers, or why the step must be left alone. */
export type ScanResult = { readonly ok: true; readonly spans: NumberSpan[] } | { readonly ok: false; readonly reason: string };

const LATEX_FRACTION = /\\(frac|dfrac|tfrac|cfrac)\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/y;
const NUMBER = /\d+(?:\.\d+)?/y;
const PLAIN_FRACTION = /(\d+)\/(\d+)(?!\d|\.\d)/y;
/** Words after which a number is a label (`Step 2`, `equation 2`), as the math reader drops them. */
const LABEL_WORD = /(?:\bsteps?|\bequations?|\beqn?s?\.?|\brows?|\blines?)[\s*#:]*$/i;
/** Text after a label number that shows it starts math after all (`the equation 46 = 4t + 2`). */
const MATH_AFTER = /^(?:[.,]?[\dA-Za-z_(^]|[ \t]*[=+\-*/^<>≈≤≥])/;
const LIST_PREFIX = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+)?(?:\*\*|__)?$/;
const ARGUMENT_COMMAND = /\\(?:tag|label|hspace|vspace|color|begin|end|textcolor)\*?\s*\{?$/;
const THOUSANDS = /^(?:,|\{,\})\d{3}(?!\d)/;
const ORDINAL = /^(?:st|nd|rd|th)\b/;
const APPROX_BEFORE = /(?:≈|\\approx|\\simeq|~)\s*-?\s*$/;
const MAX_LABEL = 20;

/** Where the math regions of a text are: `inMath[i]` for every index. */
function mathMask(text: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  let math = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '(' || text[i + 1] === '[')) {
      math = true;
      i += 1;
    } else if (c === '\\' && (text[i + 1] === ')' || text[i + 1] === ']')) {
      math = false;
      i += 1;
    } else if (c === '\\') {
      mask[i] = math;
      i += 1;
    } else if (c === '$') {
      math = !math;
      if (text[i + 1] === '$') i += 1;
    }
    mask[i] = math;
  }
  return mask;
}

function previousNonSpace(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i -= 1;
  return i;
}

function isMinus(c: string | undefined): boolean {
  return c === '-' || c === '−';
}

/** Whether the text ending at `i` ends a term (a digit, a lone letter, a closing bracket). */
function endsTerm(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (isDigit(c) || c === ')' || c === ']' || c === '}' || c === '.') return c !== '.' || isDigit(text[i - 1]);
  if (isLetter(c)) return !isLetter(text[i - 1]) || /_\{?\d*$/.test(text.slice(Math.max(0, i - 4), i + 1));
  return false;
}

function signContext(text: string, numberStart: number): { context: SignContext; start: number } {
  const before = previousNonSpace(text, numberStart);
  if (!isMinus(text[before]) && text[before] !== '+') return { context: 'none', start: numberStart };
  const operand = previousNonSpace(text, before);
  if (endsTerm(text, operand)) return { context: 'binary', start: before };
  return isMinus(text[before]) ? { context: 'unary', start: before } : { context: 'none', start: numberStart };
}

/** A bracketed small integer that is an equation label (`(2)` after a word or alone), not an operand (`3(2)`, `= (4)`). */
function isBracketLabel(text: string, start: number, end: number, value: Fraction): boolean {
  if (text[start - 1] !== '(' || text[end] !== ')' || value.d !== 1n || value.n > BigInt(MAX_LABEL)) return false;
  const open = start - 1;
  const glued = text[open - 1];
  if (glued !== undefined && glued !== ' ' && glued !== '\t' && glued !== '\n') {
    return !(isDigit(glued) || isLetter(glued) || glued === ')' || glued === '}' || '+-−*/=×·(^{'.includes(glued));
  }
  const before = previousNonSpace(text, open);
  if (before < 0) return true;
  return !'+-−*/=×·(^{,'.includes(text[before] as string) && !text.slice(0, before + 1).endsWith('\\cdot');
}

function isListMarker(text: string, start: number, end: number): boolean {
  const next = text[end];
  if (next !== '.' && next !== ')') return false;
  const after = text[end + 1];
  if (after !== undefined && after !== ' ' && after !== '\t' && after !== '\n' && after !== '*' && after !== '_') return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return LIST_PREFIX.test(text.slice(lineStart, start));
}

/**
 * Finds the numbers of a step that are math and may be re-derived, with
 * their sign context and style. Leaves alone (never returns): list and step
 * numbering (`2.`, `Step 2:`), equation labels (`(1)`, `equation 2`),
 * exponents, subscripts (`x_1`, `x1`), ordinals and numbers glued to words
 * (`2nd`, `3mm`), arguments of `\tag`, `\label` and the like. Fractions
 * `7/3` and `\frac{7}{3}` in lowest terms are one number each; a fraction
 * not in lowest terms (`\frac{4}{2}`) is a division of two numbers.
 *
 * Returns `ok: false` when the step writes numbers it cannot rewrite
 * faithfully (thousands separators).
 */
export function scanNumbers(text: string): ScanResult {
  const mask = mathMask(text);
  const spans: NumberSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      LATEX_FRACTION.lastIndex = i;
      const m = LATEX_FRACTION.exec(text);
      if (m) {
        const n = BigInt(m[2] as string);
        const d = BigInt(m[3] as string);
        const end = i + m[0].length;
        if (d > 1n && gcd(n, d) === 1n) {
          spans.push(makeSpan(text, i, end, new Fraction(n, d), { kind: 'latex-fraction', command: m[1] as string }, mask));
          i = end;
          continue;
        }
      }
      i += 1;
      while (isLetter(text[i])) i += 1;
      continue;
    }
    if (!isDigit(c)) {
      i += 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const literal = (NUMBER.exec(text) as RegExpExecArray)[0];
    const end = i + literal.length;
    const prev = text[i - 1];
    const skip = () => {
      i = end;
    };
    if (THOUSANDS.test(text.slice(end, end + 5)) && !isDigit(prev)) return { ok: false, reason: 'a number with thousands separators' };
    if (prev !== undefined && (isLetter(prev) || prev === '_' || prev === '.' || isDigit(prev))) {
      skip();
      continue;
    }
    const beforeAt = previousNonSpace(text, i);
    if (text[beforeAt] === '^' || (prev === '{' && text[previousNonSpace(text, i - 1)] === '^')) {
      skip();
      continue;
    }
    const after = text.slice(end, end + 24);
    if (ORDINAL.test(after) || (/^[A-Za-z]{2}/.test(after) && !mask[i])) {
      skip();
      continue;
    }
    const head = text.slice(Math.max(0, i - 24), i);
    if (prev === '{' && ARGUMENT_COMMAND.test(head)) {
      skip();
      continue;
    }
    if (LABEL_WORD.test(head) && !literal.includes('.') && !MATH_AFTER.test(after)) {
      skip();
      continue;
    }
    const value = new Fraction(literal);
    if (isListMarker(text, i, end) || isBracketLabel(text, i, end, value)) {
      skip();
      continue;
    }
    if (!literal.includes('.')) {
      PLAIN_FRACTION.lastIndex = i;
      const f = PLAIN_FRACTION.exec(text);
      if (f) {
        const n = BigInt(f[1] as string);
        const d = BigInt(f[2] as string);
        const fractionEnd = i + f[0].length;
        if (d > 1n && gcd(n, d) === 1n && text[i - 1] !== '/' && !isDigit(text[fractionEnd])) {
          spans.push(makeSpan(text, i, fractionEnd, new Fraction(n, d), { kind: 'fraction' }, mask));
          i = fractionEnd;
          continue;
        }
      }
    }
    const decimals = literal.includes('.') ? literal.length - literal.indexOf('.') - 1 : 0;
    const approximate = decimals > 0 && (APPROX_BEFORE.test(head) || /^(?:\.\.\.|…)/.test(after));
    const style: NumberStyle = decimals > 0 ? { kind: 'decimal', decimals, approximate } : { kind: 'integer' };
    spans.push(makeSpan(text, i, end, value, style, mask));
    i = end;
  }
  return { ok: true, spans };
}

function makeSpan(text: string, numberStart: number, end: number, magnitude: Fraction, style: NumberStyle, mask: boolean[]): NumberSpan {
  const { context, start } = signContext(text, numberStart);
  const negative = context !== 'none' && isMinus(text[start]);
  const next = text[end];
  const coefficient = next === '(' || (isLetter(next) && (mask[numberStart] === true || !isLetter(text[end + 1])));
  return {
    start,
    end,
    numberStart,
    operator: text.slice(start, numberStart),
    context,
    magnitude,
    signed: negative ? magnitude.neg() : magnitude,
    style,
    math: mask[numberStart] === true,
    coefficient,
  };
}

const VARIABLE = /([A-Za-z])(?:_\{(\d+)\}|_(\d+)|(\d+))?/y;
const BEFORE_TERM = '+-−=(';
const AFTER_TERM = '+-−=)';

/**
 * The implicit coefficients of a step: every bare unknown (`x`, `x_1`) that
 * stands as a term of an equation — right after `+ - = (` or right before
 * `+ - = )` — has coefficient 1 (or −1 after a minus) without a digit being
 * written. Each is returned as a span with no digits, so a new coefficient
 * can be inserted (`x - y = 1` → `x - 3y = 1`). Never inside words, LaTeX
 * commands or subscripts.
 */
export function scanImplicitCoefficients(text: string, unknowns: ReadonlySet<string>): NumberSpan[] {
  const mask = mathMask(text);
  const spans: NumberSpan[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
      while (isLetter(text[i + 1])) i += 1;
      continue;
    }
    if (!isLetter(c)) continue;
    const prev = text[i - 1];
    VARIABLE.lastIndex = i;
    const m = VARIABLE.exec(text) as RegExpExecArray;
    const end = i + m[0].length;
    if (isLetter(prev) || isDigit(prev) || prev === '_' || prev === '}' || prev === ')' || prev === '.' || isLetter(text[end])) {
      while (isLetter(text[i + 1])) i += 1;
      continue;
    }
    const digits = m[2] ?? m[3] ?? m[4];
    const name = digits === undefined ? (m[1] as string) : `${m[1] as string}_${digits}`;
    i = end - 1;
    if (!unknowns.has(name)) continue;
    const before = text[previousNonSpace(text, i - m[0].length + 1)];
    let after = end;
    while (text[after] === ' ' || text[after] === '\t') after += 1;
    const term = (before !== undefined && BEFORE_TERM.includes(before)) || (text[after] !== undefined && AFTER_TERM.includes(text[after] as string));
    if (!term) continue;
    const start = end - m[0].length;
    const { context, start: from } = signContext(text, start);
    const negative = context !== 'none' && isMinus(text[from]);
    const one = new Fraction(1);
    spans.push({
      start: from,
      end: start,
      numberStart: start,
      operator: text.slice(from, start),
      context,
      magnitude: one,
      signed: negative ? one.neg() : one,
      style: { kind: 'integer' },
      math: mask[start] === true,
      coefficient: true,
      implicit: true,
    });
  }
  return spans;
}
