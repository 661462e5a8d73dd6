import Fraction from 'fraction.js';
import type { NumberSpan } from './number-spans';

/** A replacement of `text.slice(start, end)`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const VERB_BEFORE = /\b(subtract|subtracting|subtracted|add|adding|added)(\s+)$/i;
const PREPOSITION_AFTER = /^(\s+)(from|to)\b/i;
const SWAP: Readonly<Record<string, string>> = {
  subtract: 'add',
  subtracting: 'adding',
  subtracted: 'added',
  add: 'subtract',
  adding: 'subtracting',
  added: 'subtracted',
  from: 'to',
  to: 'from',
};

function sameCase(word: string, like: string): string {
  return like[0] === like[0]?.toUpperCase() ? word[0]?.toUpperCase() + word.slice(1) : word;
}

/** `n` with `decimals` digits after the point, or `undefined` unless that is exact. */
function exactDecimal(value: Fraction, decimals: number): string | undefined {
  const scaled = value.mul(new Fraction(10n ** BigInt(decimals)));
  if (scaled.d !== 1n) return undefined;
  return decimalText(scaled.n, decimals);
}

function decimalText(scaled: bigint, decimals: number): string {
  const digits = scaled.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function fractionText(value: Fraction, latex: string | undefined): string {
  if (value.d === 1n) return value.n.toString();
  return latex !== undefined ? `\\${latex}{${value.n}}{${value.d}}` : `${value.n}/${value.d}`;
}

/** Whether a plain `a/b` written at this span needs brackets to keep its meaning (`2(7/3)`, `(7/3)x`). */
function needsBrackets(text: string, span: NumberSpan): boolean {
  const before = text.slice(0, span.start).trimEnd();
  const last = before[before.length - 1];
  return span.coefficient || last === '/' || last === '^' || text[span.end] === '^';
}

/** The number without sign, in the span's style, or `undefined` when it cannot be written that way. */
function magnitudeText(text: string, span: NumberSpan, value: Fraction): string | undefined {
  const style = span.style;
  switch (style.kind) {
    case 'integer': {
      if (value.d === 1n) {
        const implicit = span.coefficient && value.n === 1n && /^[A-Za-z\\(]/.test(text.slice(span.end));
        return implicit ? '' : value.n.toString();
      }
      // An integer slot that now holds a fraction: LaTeX in math, a/b in prose and plain text.
      const latex = span.math && text.includes('\\') ? 'frac' : undefined;
      const written = fractionText(value, latex);
      return latex === undefined && needsBrackets(text, span) ? `(${written})` : written;
    }
    case 'decimal':
      if (style.approximate) {
        const scaled = value.mul(new Fraction(10n ** BigInt(style.decimals))).round(0);
        return decimalText(scaled.n, style.decimals);
      }
      return exactDecimal(value, style.decimals);
    case 'fraction':
      return fractionText(value, undefined);
    case 'latex-fraction':
      return fractionText(value, style.command);
  }
}

/**
 * Writes `value` (the number's new signed value) where `span` is, in the
 * span's own style, as edits of `text`. Returns `undefined` when the value
 * cannot be written faithfully (a non-terminating value in an exact decimal,
 * more decimals than the step shows).
 *
 * Signs stay readable: a binary operator flips (`2x + 3` → `2x - 4`, never
 * `2x + -4`); a leading minus goes when the value turns positive (`= -4` →
 * `= 5`); a negative value where no sign was written gets a minus, in
 * brackets after a product or quotient sign (`3 \cdot (-2)`). In prose, "add
 * 3 to" and "subtract 3 from" swap their verb and preposition instead of
 * reading "subtract -4 from"; elsewhere prose gets the minus ("divide by
 * -3"). A coefficient that becomes 1 is written as the bare variable (`x`).
 */
export function renderNumber(text: string, span: NumberSpan, value: Fraction): TextEdit[] | undefined {
  const negative = value.s < 0n && !value.equals(0);
  const magnitude = magnitudeText(text, span, value.abs());
  if (magnitude === undefined) return undefined;
  const edit = (body: string): TextEdit[] => [{ start: span.start, end: span.end, text: body }];
  if (span.context === 'binary') {
    const spacing = span.operator.slice(1);
    const minus = span.operator[0] === '−' ? '−' : '-';
    return edit(`${negative ? minus : '+'}${spacing}${magnitude}`);
  }
  if (span.context === 'unary') return edit(negative ? `${span.operator}${magnitude}` : magnitude);
  if (!negative) return edit(magnitude);
  const signed = `-${magnitude === '' ? '' : magnitude}`;
  if (!span.math && span.signed.s > 0n) {
    const verb = VERB_BEFORE.exec(text.slice(Math.max(0, span.start - 24), span.start));
    const preposition = PREPOSITION_AFTER.exec(text.slice(span.end, span.end + 12));
    if (verb && preposition) {
      const word = verb[1] as string;
      const wordStart = span.start - (verb[0] as string).length;
      const prepositionStart = span.end + (preposition[1] as string).length;
      const prep = preposition[2] as string;
      return [
        { start: wordStart, end: wordStart + word.length, text: sameCase(SWAP[word.toLowerCase()] as string, word) },
        { start: span.start, end: span.end, text: magnitude },
        { start: prepositionStart, end: prepositionStart + prep.length, text: sameCase(SWAP[prep.toLowerCase()] as string, prep) },
      ];
    }
  }
  const before = text.slice(0, span.start).trimEnd();
  const last = before[before.length - 1];
  const product = last === '*' || last === '×' || last === '·' || last === '/' || /\\(?:cdot|times|div)$/.test(before);
  return edit(product ? `(${signed})` : signed);
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
