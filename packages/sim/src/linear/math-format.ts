import type Fraction from 'fraction.js';
import type { LinearEquation, Side } from './linear-equation';
import { isInteger, isZero } from './linear-equation';

/** How math is written: plain text (`3/2`) or LaTeX (`\frac{3}{2}`). */
export type MathStyle = 'plain' | 'latex';

/** Writes numbers, terms and equations in one {@link MathStyle}. */
export class MathFormatter {
  constructor(readonly style: MathStyle) {}

  /** A number: `4`, `-3/2` or `-\frac{3}{2}`. */
  num(f: Fraction): string {
    if (isInteger(f) || this.style === 'plain') return f.toFraction();
    const sign = f.s < 0n ? '-' : '';
    return `${sign}\\frac{${f.n}}{${f.d}}`;
  }

  /** A number wrapped in parentheses when negative or fractional (for products and quotients). */
  operand(f: Fraction): string {
    const text = this.num(f);
    return f.s < 0n || (!isInteger(f) && this.style === 'plain') ? `(${text})` : text;
  }

  /** `a·b` as written in a worked step: `3(2)`, `3 \cdot 2`. */
  times(a: Fraction, b: Fraction): string {
    return this.style === 'latex' ? `${this.operand(a)} \\cdot ${this.operand(b)}` : `${this.operand(a)}(${this.num(b)})`;
  }

  /** `a/b` as written in a worked step: `8/2`, `\frac{8}{2}`. */
  over(a: Fraction, b: Fraction): string {
    return this.style === 'latex' ? `\\frac{${this.num(a)}}{${this.num(b)}}` : `${this.operand(a)}/${this.operand(b)}`;
  }

  /** `a - b` or `a + b` with the sign of `b` folded in: `7 - 3`, `7 + 3`. */
  minus(a: Fraction, b: Fraction): string {
    return b.s < 0n ? `${this.num(a)} + ${this.num(b.neg())}` : `${this.num(a)} - ${this.num(b)}`;
  }

  /** A coefficient times a variable, signed for its position: `3x`, `- y`, `+ (3/2)z`. */
  term(coef: Fraction, variable: string, first: boolean): string {
    const negative = coef.s < 0n;
    const abs = coef.abs();
    let body: string;
    if (abs.equals(1)) body = variable;
    else if (isInteger(abs)) body = `${abs.toFraction()}${variable}`;
    else body = this.style === 'latex' ? `\\frac{${abs.n}}{${abs.d}}${variable}` : `(${abs.toFraction()})${variable}`;
    if (first) return negative ? `-${body}` : body;
    return negative ? `- ${body}` : `+ ${body}`;
  }

  /** A side: variable terms in order, then the constant; `0` when empty. */
  side(side: Side, variables: readonly string[]): string {
    const parts: string[] = [];
    side.coeffs.forEach((c, i) => {
      if (!isZero(c)) parts.push(this.term(c, variables[i] ?? '?', parts.length === 0));
    });
    if (!isZero(side.constant) || parts.length === 0) {
      if (parts.length === 0) parts.push(this.num(side.constant));
      else parts.push(side.constant.s < 0n ? `- ${this.num(side.constant.neg())}` : `+ ${this.num(side.constant)}`);
    }
    return parts.join(' ');
  }

  /** `3x + 2y = 12`. */
  equation(eq: LinearEquation, variables: readonly string[]): string {
    return `${this.side({ coeffs: eq.coeffs, constant: eq.rhs.mul(0) }, variables)} = ${this.num(eq.rhs)}`;
  }

  /** `left = right` from two sides. */
  sides(left: Side, right: Side, variables: readonly string[]): string {
    return `${this.side(left, variables)} = ${this.side(right, variables)}`;
  }

  /** Inline math for prose: `\( … \)` in LaTeX style, bare in plain style. */
  inline(math: string): string {
    return this.style === 'latex' ? `\\( ${math} \\)` : math;
  }
}
