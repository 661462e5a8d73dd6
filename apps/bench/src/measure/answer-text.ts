import Fraction from 'fraction.js';

/** A number as an answer states it: its exact value and, for decimals, how many places it shows. */
export interface StatedNumber {
  readonly value: Fraction;
  /** Decimal places shown (`0.33` → 2); undefined for integers and fractions. */
  readonly decimals?: number;
}

/**
 * Rewrites one line of an answer into plain math: markdown emphasis and
 * code marks, LaTeX delimiters, `\frac{a}{b}`, `\dfrac`, `\cdot`, unicode
 * minus and operators, thousands separators are removed or normalised.
 */
export function plainMath(line: string): string {
  let out = line
    .replace(/\\[dt]?frac\s*\{\s*(-?[\d.]+)\s*\}\s*\{\s*(-?[\d.]+)\s*\}/g, '$1/$2')
    .replace(/\\left|\\right|\\,|\\;|\\!|\\quad|\\qquad/g, ' ')
    .replace(/\\\(|\\\)|\\\[|\\\]|\$\$?/g, ' ')
    .replace(/\\(?:boxed|text|mathrm|mathbf)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\cdot|\\times|×|·/g, '*')
    .replace(/\\div|÷/g, '/')
    .replace(/\\pm|±/g, '±')
    .replace(/[−–—]/g, '-')
    .replace(/\*\*|__|`/g, '')
    .replace(/\\approx|≈/g, '≈')
    // A bracketed lone number is just that number: (-28)/6, 2(-3).
    .replace(/\((-?\s*\d+(?:\.\d+)?(?:\s*\/\s*\d+)?)\)/g, ' $1 ');
  // 1,234 → 1234 (but keep "(3, 2)" pairs, which have a space after the comma).
  out = out.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  return out;
}

/** Non-empty lines of an answer in plain math, in order. */
export function answerLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(plainMath)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A number pattern: `-3`, `3/4`, `-1.25`, `- 3 / 4`. */
export const NUMBER = String.raw`-?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?`;

/** Parses a number matched by {@link NUMBER}; null when it is not a finite value. */
export function parseStatedNumber(raw: string): StatedNumber | null {
  const text = raw.replace(/\s+/g, '');
  try {
    const [top, bottom] = text.split('/') as [string, string | undefined];
    const decimals = /\.(\d+)$/.exec(top)?.[1]?.length;
    const value = bottom === undefined ? new Fraction(top) : new Fraction(top).div(new Fraction(bottom));
    return decimals === undefined || bottom !== undefined ? { value } : { value, decimals };
  } catch {
    return null;
  }
}

/**
 * Whether a stated number means `exact`: equal as a fraction, or a decimal
 * with at least two places that rounds to the same value at the places it
 * shows (`0.33` or `0.333` for 1/3, but not `0.3`).
 */
export function sameNumber(stated: StatedNumber, exact: Fraction): boolean {
  if (stated.value.equals(exact)) return true;
  if (stated.decimals === undefined || stated.decimals < 2) return false;
  const half = new Fraction(1, 2 * 10 ** stated.decimals);
  return stated.value.sub(exact).abs().compare(half) <= 0;
}
