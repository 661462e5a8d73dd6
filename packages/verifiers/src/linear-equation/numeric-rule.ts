import Fraction from 'fraction.js';
import { asLiteral, type Expr } from './expression';

/**
 * When a decimal written by a model counts as the exact value it stands for.
 *
 * Exact values always count (`0.25` for 1/4). A decimal that is not exact
 * counts only when it is the value rounded to the digits shown — within half
 * a unit of its last place, so both neighbours of an exact tie are accepted —
 * and shows at least {@link NumericRule.minDecimals} decimals and
 * {@link NumericRule.minSignificantDigits} significant digits: `2.33` and
 * `2.333` stand for 7/3, `2.3` and `2.34` do not, `0.00` never stands for
 * 1/300. A truncated decimal written with an ellipsis (`2.333...`) counts
 * when it is within one unit of its last place.
 */
export interface NumericRule {
  /** Fewest decimals a rounded value must show. */
  readonly minDecimals: number;
  /** Fewest significant digits a rounded value must show. */
  readonly minSignificantDigits: number;
}

function significantDigits(value: Fraction, decimals: number): number {
  const scaled = value.abs().mul(new Fraction(10n ** BigInt(decimals))).round(0);
  return scaled.n === 0n ? 0 : scaled.n.toString().length;
}

/** Whether a literal as written (`2.33`) stands for `exact` under `rule`. */
export function literalMatches(
  exact: Fraction,
  literal: { readonly value: Fraction; readonly decimals: number; readonly truncated: boolean },
  rule: NumericRule,
): boolean {
  if (exact.equals(literal.value)) return true;
  if (literal.decimals < rule.minDecimals) return false;
  if (significantDigits(literal.value, literal.decimals) < rule.minSignificantDigits) return false;
  const unit = new Fraction(1n, 10n ** BigInt(literal.decimals));
  const error = exact.sub(literal.value).abs();
  return literal.truncated ? error.lt(unit) : error.lte(unit.div(2));
}

/**
 * Whether two sides with exact values `left` and `right` agree: equal, or one
 * side is a bare decimal literal that stands for the other side's value.
 * `=` and `≈` are judged alike, since models write both for rounded values.
 */
export function sidesAgree(
  leftExpr: Expr,
  left: Fraction,
  rightExpr: Expr,
  right: Fraction,
  rule: NumericRule,
): boolean {
  if (left.equals(right)) return true;
  const leftLiteral = asLiteral(leftExpr);
  if (leftLiteral && leftLiteral.decimals > 0 && literalMatches(right, leftLiteral, rule)) return true;
  const rightLiteral = asLiteral(rightExpr);
  return rightLiteral !== undefined && rightLiteral.decimals > 0 && literalMatches(left, rightLiteral, rule);
}
