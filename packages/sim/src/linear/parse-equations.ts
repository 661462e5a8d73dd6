import Fraction from 'fraction.js';
import nerdamer from 'nerdamer';
import type { LinearSystem, Side } from './linear-equation';
import { isZero, ZERO } from './linear-equation';
import { normalizeMathText } from './normalize-math-text';

/** An equation found in text, before it is known to be linear. */
export interface EquationCandidate {
  /** Left side as written. */
  left: string;
  /** Right side as written. */
  right: string;
}

/** A linear equation parsed from text: coefficients per variable name. */
export interface ParsedLinearEquation {
  /** The equation as written (normalised spacing). */
  source: string;
  /** Left side, by variable name, plus constant. */
  left: { coeffs: Map<string, Fraction>; constant: Fraction };
  /** Right side, by variable name, plus constant. */
  right: { coeffs: Map<string, Fraction>; constant: Fraction };
}

const PIECE = /[A-Za-z]+|\d+(?:\.\d+)?|[+\-*/^()]|\s+|=|./g;
const MATH_PIECE = /^(?:[A-Za-z]|\d+(?:\.\d+)?|[+\-*/^()]|\s+)$/;

/**
 * Finds `left = right` equations in free text. Each side is the longest run
 * of math next to the `=`: numbers, single-letter variables, operators,
 * brackets. Any word of two or more letters ends a run, so prose around the
 * equation ("Solve for x if 3x + 5 = 20.") is left out.
 */
export function findEquations(text: string): EquationCandidate[] {
  const found: EquationCandidate[] = [];
  const clauses = normalizeMathText(text).split(/[\n;,:?!]|\.(?=\s|$)|\band\b|\bthen\b/);
  for (const clause of clauses) {
    const pieces = clause.match(PIECE) ?? [];
    const eqIndexes = pieces.flatMap((p, i) => (p === '=' ? [i] : []));
    if (eqIndexes.length === 0) continue;
    // A chain `x = 8/2 = 4` is read as its first and last parts.
    const first = eqIndexes[0] as number;
    const last = eqIndexes[eqIndexes.length - 1] as number;
    let start = first;
    while (start > 0 && MATH_PIECE.test(pieces[start - 1] as string)) start--;
    let end = last + 1;
    while (end < pieces.length && MATH_PIECE.test(pieces[end] as string)) end++;
    const left = trimRun(pieces.slice(start, first).join(''));
    const right = trimRun(pieces.slice(last + 1, end).join(''));
    if (left && right && /[A-Za-z0-9]/.test(left) && /[A-Za-z0-9]/.test(right)) found.push({ left, right });
  }
  return found;
}

function trimRun(run: string): string {
  let out = run.trim();
  // Drop dangling operators and unmatched brackets left at the run's edges.
  for (;;) {
    const before = out;
    out = out.replace(/^[*/^)+]\s*/, '').replace(/\s*[+\-*/^(]$/, '').trim();
    if (count(out, '(') < count(out, ')') && out.startsWith(')')) out = out.slice(1).trim();
    if (count(out, '(') > count(out, ')') && out.endsWith('(')) out = out.slice(0, -1).trim();
    if (out === before) return out;
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

const core = nerdamer.getCore();

/** Evaluates a math expression exactly at a point; null when it is not a number there. */
function evaluateAt(expression: string, point: Record<string, string>): Fraction | null {
  try {
    // The core parser, unlike nerdamer(), keeps no global list of expressions.
    const value = String(core.PARSER.parse(expression, point).toString());
    if (!/^-?\d+(?:\/\d+)?$/.test(value)) return null;
    return new Fraction(value);
  } catch {
    return null;
  }
}

function variablesOf(expression: string): string[] | null {
  try {
    const vars = core.Utils.variables(core.PARSER.parse(expression)) as string[];
    return vars.every((v) => /^[A-Za-z]$/.test(v)) ? vars : null;
  } catch {
    return null;
  }
}

const PROBES: ReadonlyArray<readonly number[]> = [
  [2, 3, 5],
  [-1, 4, 7],
];

/** Affine form of one side (coefficients by variable plus constant), or null when not linear. */
function affine(expression: string, variables: readonly string[]): Side | null {
  const zeroPoint = Object.fromEntries(variables.map((v) => [v, '0']));
  const constant = evaluateAt(expression, zeroPoint);
  if (!constant) return null;
  const coeffs: Fraction[] = [];
  for (const v of variables) {
    const value = evaluateAt(expression, { ...zeroPoint, [v]: '1' });
    if (!value) return null;
    coeffs.push(value.sub(constant));
  }
  for (const probe of PROBES) {
    const point = Object.fromEntries(variables.map((v, i) => [v, String(probe[i % probe.length])]));
    const value = evaluateAt(expression, point);
    const expected = coeffs.reduce((acc, c, i) => acc.add(c.mul(probe[i % probe.length] as number)), constant);
    if (!value || !value.equals(expected)) return null;
  }
  return { coeffs, constant };
}

function prepare(side: string): string {
  // nerdamer reads `2 x` as an error and `x2` as a name; models write neither, but be lenient.
  return side.replace(/(\d)\s+([A-Za-z(])/g, '$1*$2').replace(/\s+/g, ' ').trim();
}

/** Parses one candidate as a linear equation (at least one variable), or null. */
export function parseLinearEquation(candidate: EquationCandidate): ParsedLinearEquation | null {
  const left = prepare(candidate.left);
  const right = prepare(candidate.right);
  const leftVars = variablesOf(left);
  const rightVars = variablesOf(right);
  if (!leftVars || !rightVars) return null;
  const variables = [...new Set([...leftVars, ...rightVars])].sort();
  if (variables.length === 0) return null;
  const l = affine(left, variables);
  const r = affine(right, variables);
  if (!l || !r) return null;
  const toMap = (s: Side) => new Map(variables.map((v, i) => [v, s.coeffs[i] ?? ZERO] as const));
  // `x = x` or `2x + 1 = 2x + 3` has no variable left once terms are moved.
  if (l.coeffs.every((c, i) => isZero(c.sub(r.coeffs[i] ?? ZERO)))) return null;
  return {
    source: `${candidate.left.replace(/\s+/g, ' ').trim()} = ${candidate.right.replace(/\s+/g, ' ').trim()}`,
    left: { coeffs: toMap(l), constant: l.constant },
    right: { coeffs: toMap(r), constant: r.constant },
  };
}

/** All linear equations in `text`, in order, without duplicates. */
export function findLinearEquations(text: string): ParsedLinearEquation[] {
  const out: ParsedLinearEquation[] = [];
  const seen = new Set<string>();
  for (const candidate of findEquations(text)) {
    const parsed = parseLinearEquation(candidate);
    if (!parsed) continue;
    const key = parsed.source.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed);
  }
  return out;
}

/**
 * Builds a square system (1 to 3 unknowns) from the first equations in
 * `text` whose variables close over a set as large as the number of
 * equations. Returns null when the text holds no such system.
 */
export function readLinearSystem(text: string): LinearSystem | null {
  const equations = findLinearEquations(text);
  for (let start = 0; start < equations.length; start++) {
    for (let size = Math.min(3, equations.length - start); size >= 1; size--) {
      const group = equations.slice(start, start + size);
      const variables = [...new Set(group.flatMap((e) => [...e.left.coeffs.keys(), ...e.right.coeffs.keys()]))].sort();
      if (variables.length !== size) continue;
      return toSystem(group, variables);
    }
  }
  return null;
}

function toSystem(group: ParsedLinearEquation[], variables: string[]): LinearSystem {
  const sideOf = (s: ParsedLinearEquation['left']): Side => ({
    coeffs: variables.map((v) => s.coeffs.get(v) ?? ZERO),
    constant: s.constant,
  });
  return {
    variables,
    sources: group.map((e) => e.source),
    sides: group.map((e) => ({ left: sideOf(e.left), right: sideOf(e.right) })),
    equations: group.map((e) => {
      const left = sideOf(e.left);
      const right = sideOf(e.right);
      return {
        coeffs: left.coeffs.map((c, i) => c.sub(right.coeffs[i] ?? ZERO)),
        rhs: right.constant.sub(left.constant),
      };
    }),
  };
}
