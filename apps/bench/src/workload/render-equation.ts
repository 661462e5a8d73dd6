import type Fraction from 'fraction.js';
import type { SidePart, Term, WrittenEquation } from './linear-system';
import { isGroup } from './linear-system';

/** Writes a number as a user would: `3`, `-2`, `3/4`. */
export function formatNumber(value: Fraction): string {
  return value.toFraction();
}

function termBody(term: Term, power: string): string {
  const abs = term.coef.abs();
  if (term.variable === undefined) return formatNumber(abs);
  const v = `${term.variable}${power}`;
  if (abs.equals(1)) return v;
  // n/d·x reads better as nx/d (x/2 rather than 1/2x).
  if (abs.d !== 1n) return `${abs.n === 1n ? '' : abs.n.toString()}${v}/${abs.d.toString()}`;
  return `${abs.n.toString()}${v}`;
}

function writeTerms(terms: readonly Term[], power: (t: Term) => string): string {
  let out = '';
  terms.forEach((term, i) => {
    const negative = term.coef.s < 0n && !term.coef.equals(0);
    const body = termBody(term, power(term));
    if (i === 0) out += negative ? `-${body}` : body;
    else out += negative ? ` - ${body}` : ` + ${body}`;
  });
  return out;
}

/**
 * Writes one side. `squared` names variables written with an exponent
 * (`x^2`), used by the quadratic traps.
 */
export function writeSide(side: readonly SidePart[], squared: ReadonlySet<string> = new Set()): string {
  const power = (t: Term) => (t.variable !== undefined && squared.has(t.variable) ? '^2' : '');
  const parts: string[] = [];
  for (const part of side) {
    if (isGroup(part)) {
      const factor = part.factor.equals(1) ? '' : part.factor.equals(-1) ? '-' : formatNumber(part.factor);
      parts.push(`${factor}(${writeTerms(part.inner, power)})`);
    } else {
      parts.push(writeTerms([part], power));
    }
  }
  // Re-join the per-part strings with proper signs.
  return parts.reduce((acc, text, i) => {
    if (i === 0) return text;
    return text.startsWith('-') ? `${acc} - ${text.slice(1)}` : `${acc} + ${text}`;
  }, '');
}

/** Writes an equation `left = right`. */
export function writeEquation(equation: WrittenEquation, squared?: ReadonlySet<string>): string {
  return `${writeSide(equation.left, squared)} = ${writeSide(equation.right, squared)}`;
}
