import Fraction from 'fraction.js';
import Ajv from 'ajv';
import { normalizeMathText } from '../linear/normalize-math-text';
import type { WorkloadItem } from './workload-item';

/**
 * Reads the final answer of a worked solution from its last line that
 * assigns values (`x = 3, y = 2`) or states an ordered pair (`(3, 2)`).
 * Returns values by variable name, or null when the answer is incomplete.
 */
export function readFinalAnswer(text: string, variables: readonly string[]): Map<string, Fraction> | null {
  const lines = text
    .split('\n')
    .map((l) => normalizeMathText(l).replace(/\((-?\d+)\)/g, '$1'))
    .filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  const values = new Map<string, Fraction>();
  const number = String.raw`-?\s*\d+(?:\s*/\s*\d+)?`;
  for (const m of last.matchAll(new RegExp(String.raw`\b([A-Za-z])\s*=\s*(${number})`, 'g'))) {
    values.set(m[1] as string, new Fraction((m[2] as string).replace(/\s+/g, '')));
  }
  if (variables.every((v) => values.has(v))) return values;
  const pair = new RegExp(String.raw`\(\s*(${number}(?:\s*,\s*${number})+)\s*\)`).exec(last);
  if (pair) {
    const parts = (pair[1] as string).split(',').map((s) => new Fraction(s.replace(/\s+/g, '')));
    if (parts.length === variables.length) return new Map(variables.map((v, i) => [v, parts[i] as Fraction]));
  }
  return null;
}

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * End-to-end correctness of an answer, judged strictly like a user would:
 * linear answers must state the exact solution in the final line; JSON
 * answers must be exactly one JSON object (no prose, no fence), valid
 * against the schema, with exactly the expected keys and values.
 */
export function scoreAnswer(item: WorkloadItem, text: string): boolean {
  if (item.task === 'linear') {
    const found = readFinalAnswer(text, item.expected.variables);
    if (!found) return false;
    return item.expected.variables.every((v, i) => found.get(v)?.equals(new Fraction(item.expected.values[i] as string)) === true);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.trim());
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (item.schema && !ajv.validate(item.schema, value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(item.expected);
  if (Object.keys(record).length !== keys.length) return false;
  return keys.every((k) => deepEqual(record[k], item.expected[k]));
}
