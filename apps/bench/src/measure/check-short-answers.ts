import Fraction from 'fraction.js';
import type { NumberTruth, PhraseTruth, RootsTruth, YesNoTruth } from '../workload/workload-request';
import type { StatedNumber } from './answer-text';
import { answerLines, NUMBER, parseStatedNumber, sameNumber } from './answer-text';
import type { CheckResult } from './check-result';
import { checkResult } from './check-result';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Checks a yes/no answer: the first standalone "yes" or "no" decides. */
export function checkYesNo(truth: YesNoTruth, text: string): CheckResult {
  const m = /\b(yes|no)\b/i.exec(text);
  if (!m) return checkResult(false, false, 'says neither yes nor no');
  const said = (m[1] as string).toLowerCase() === 'yes';
  return checkResult(true, said === truth.answer, `said ${said ? 'yes' : 'no'}, expected ${truth.answer ? 'yes' : 'no'}`);
}

/** The last number (or number word up to ten) on the last line that has one. */
function lastNumber(text: string): StatedNumber | undefined {
  const pattern = new RegExp(String.raw`(?<![A-Za-z\d^])(${NUMBER})(?![\d.]*[A-Za-z^])|\b(${NUMBER_WORDS.join('|')})\b`, 'gi');
  const lines = answerLines(text);
  for (let i = lines.length - 1; i >= 0; i--) {
    const matches = [...(lines[i] as string).matchAll(pattern)];
    const last = matches[matches.length - 1];
    if (!last) continue;
    if (last[2] !== undefined) return { value: new Fraction(NUMBER_WORDS.indexOf(last[2].toLowerCase())) };
    const value = parseStatedNumber(last[1] as string);
    if (value) return value;
  }
  return undefined;
}

/** Checks a one-number answer (x², x + y, a count) by the last number of the answer. */
export function checkNumber(truth: NumberTruth, text: string): CheckResult {
  const stated = lastNumber(text);
  if (!stated) return checkResult(false, false, 'states no number');
  const expected = new Fraction(truth.value);
  return checkResult(true, sameNumber(stated, expected), `ends with ${stated.value.toFraction()}, expected ${truth.value}`);
}

/**
 * Checks the roots of a quadratic: every value the last stating line gives
 * the unknown (`x = 4 or x = -4`, `x = ±4`, `x = -4, 4`) must form exactly
 * the expected set.
 */
export function checkRoots(truth: RootsTruth, text: string): CheckResult {
  const v = truth.variable;
  const lines = answerLines(text);
  const pm = new RegExp(String.raw`\b${v}\s*=\s*±\s*(${NUMBER})`);
  const each = new RegExp(String.raw`\b${v}\s*=\s*(${NUMBER}(?:\s*(?:,|or|and)\s*(?:${v}\s*=\s*)?${NUMBER})*)`, 'g');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    const values: StatedNumber[] = [];
    const plusMinus = pm.exec(line);
    if (plusMinus) {
      const n = parseStatedNumber(plusMinus[1] as string);
      if (n) values.push(n, { value: n.value.neg() });
    }
    for (const m of line.matchAll(each)) {
      for (const part of (m[1] as string).split(/,|or|and/)) {
        const n = parseStatedNumber(part.replace(new RegExp(String.raw`${v}\s*=`), '').trim());
        if (n) values.push(n);
      }
    }
    if (values.length === 0) continue;
    const expected = truth.values.map((x) => new Fraction(x));
    const covered = expected.every((e) => values.some((s) => sameNumber(s, e)));
    const extra = values.some((s) => !expected.some((e) => sameNumber(s, e)));
    return checkResult(true, covered && !extra, `states ${values.map((s) => s.value.toFraction()).join(', ')}; expected ${truth.values.join(', ')}`);
  }
  return checkResult(false, false, `states no value for ${v}`);
}

/** Checks a short factual answer: it must contain one of the accepted phrases (case-insensitive, whole words). */
export function checkPhrase(truth: PhraseTruth, text: string): CheckResult {
  if (text.trim() === '') return checkResult(false, false, 'empty answer');
  const hit = truth.accepted.some((phrase) => new RegExp(String.raw`(?<![\w])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\w])`, 'i').test(text));
  return checkResult(true, hit, `does not mention ${truth.accepted.join(' or ')}`);
}
