import Fraction from 'fraction.js';
import type { LinearProblem } from './linear-problem';
import { gcd, lcm } from './integers';
import { solveWithNerdamer, type LinearEquation } from './linear-system';

/** An equation with integer coefficients over the problem's unknowns (0 where absent). */
export interface IntegerRow {
  /** Integer coefficient of each unknown, in the problem's order. */
  readonly coefficients: readonly bigint[];
  /** The right-hand side. */
  readonly constant: bigint;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * Scales an equation to coprime integer coefficients (the form the fallback
 * writes), keeping its sign; coefficients in the order of `unknowns`.
 */
export function toIntegerRow(eq: LinearEquation, unknowns: readonly string[]): IntegerRow {
  const values = [...unknowns.map((u) => eq.coefficients.get(u) ?? new Fraction(0)), eq.constant];
  const common = lcm(values.map((v) => v.d));
  const scaled = values.map((v) => {
    const f = v.mul(new Fraction(common));
    return f.s * f.n;
  });
  return reduce({ coefficients: scaled.slice(0, -1), constant: scaled[scaled.length - 1] as bigint });
}

/** Divides a row by the greatest common divisor of its entries. */
function reduce(row: IntegerRow): IntegerRow {
  const g = [...row.coefficients, row.constant].reduce((acc, v) => gcd(acc, v), 0n);
  if (g <= 1n) return row;
  return { coefficients: row.coefficients.map((c) => c / g), constant: row.constant / g };
}

function termText(coefficient: bigint, name: string, first: boolean): string {
  const sign = coefficient < 0n ? '-' : '+';
  const magnitude = coefficient < 0n ? -coefficient : coefficient;
  const body = magnitude === 1n ? name : `${magnitude}${name}`;
  if (first) return sign === '-' ? `-${body}` : body;
  return ` ${sign} ${body}`;
}

/** `4x - y`, or `0` when every coefficient is zero. */
function leftText(row: IntegerRow, unknowns: readonly string[]): string {
  let text = '';
  row.coefficients.forEach((c, j) => {
    if (c !== 0n) text += termText(c, unknowns[j] as string, text === '');
  });
  return text === '' ? '0' : text;
}

function rowText(row: IntegerRow, unknowns: readonly string[]): string {
  return `${leftText(row, unknowns)} = ${row.constant}`;
}

function valueText(value: Fraction): string {
  return value.toFraction();
}

/** `4(2x - y) - 2(4x + 3y) = 4(1) - 2(12)`: the combination that eliminates an unknown. */
function combinationText(
  pivotFactor: bigint,
  row: IntegerRow,
  rowFactor: bigint,
  pivot: IntegerRow,
  unknowns: readonly string[],
): string {
  const scaled = (factor: bigint, inner: string) => (factor === 1n ? `(${inner})` : `${factor}(${inner})`);
  const constant = (factor: bigint, value: bigint) =>
    factor === 1n ? (value < 0n ? `(${value})` : String(value)) : `${factor}(${value})`;
  // a·row − b·pivot, written with a plus when b is negative.
  const sign = rowFactor < 0n ? '+' : '-';
  const magnitude = rowFactor < 0n ? -rowFactor : rowFactor;
  const left = `${scaled(pivotFactor, leftText(row, unknowns))} ${sign} ${scaled(magnitude, leftText(pivot, unknowns))}`;
  const right = `${constant(pivotFactor, row.constant)} ${sign} ${constant(magnitude, pivot.constant)}`;
  return `${left} = ${right}`;
}

/** `2x - (3/2) = 1` with known unknowns replaced by their values. */
function substitutedText(row: IntegerRow, unknowns: readonly string[], known: ReadonlyMap<string, Fraction>): string {
  const parts: string[] = [];
  row.coefficients.forEach((c, j) => {
    if (c === 0n) return;
    const name = unknowns[j] as string;
    const value = known.get(name);
    const factor = value === undefined ? name : `(${valueText(value)})`;
    const magnitude = c < 0n ? -c : c;
    const body = magnitude === 1n ? factor : `${magnitude}${factor}`;
    parts.push(parts.length === 0 ? (c < 0n ? `-${body}` : body) : ` ${c < 0n ? '-' : '+'} ${body}`);
  });
  return `${parts.join('')} = ${row.constant}`;
}

/**
 * Writes a short, always-correct derivation: the equation(s) in integer
 * standard form, elimination of one unknown at a time, back-substitution, and
 * a final answer line `Final answer: x = 7/3, y = 2`. Every step is one
 * paragraph, every equation in it holds at the solution, and the prose
 * carries no numbers (only equations do), so the text passes the verifier's
 * own checks. The solution is cross-checked with nerdamer first; returns
 * `undefined` if the two exact solvers ever disagree.
 */
export function writeSolution(problem: LinearProblem): string | undefined {
  const { unknowns, solution } = problem;
  const check = solveWithNerdamer(problem.equations, unknowns);
  if (!check || unknowns.some((u) => !check.get(u)?.equals(solution.get(u) as Fraction))) return undefined;

  const steps: string[] = [];
  const rows = problem.equations.map((eq) => toIntegerRow(eq, unknowns));
  if (unknowns.length === 1) {
    const name = unknowns[0] as string;
    const row = rows[0] as IntegerRow;
    steps.push(`Start from the equation: ${problem.equationTexts[0]}.`);
    steps.push(`Collect the terms with ${name} on the left and the constants on the right: ${rowText(row, unknowns)}.`);
    if (row.coefficients[0] !== 1n) {
      steps.push(`Divide both sides by the coefficient of ${name}: ${name} = ${valueText(solution.get(name) as Fraction)}.`);
    }
  } else {
    rows.forEach((row, i) => {
      steps.push(`Write the ${ORDINALS[i]} equation in standard form: ${rowText(row, unknowns)}.`);
    });
    // Forward elimination: one pivot row per unknown, the other rows lose that unknown.
    let remaining = rows.map((row, i) => ({ row, label: `the ${ORDINALS[i]} equation` }));
    const pivots: { row: IntegerRow; column: number }[] = [];
    for (let column = 0; column < unknowns.length; column += 1) {
      const candidates = remaining.filter((r) => r.row.coefficients[column] !== 0n);
      const pivot =
        candidates.find((r) => r.row.coefficients[column] === 1n || r.row.coefficients[column] === -1n) ?? candidates[0];
      if (!pivot) return undefined;
      pivots.push({ row: pivot.row, column });
      const name = unknowns[column] as string;
      const next: typeof remaining = [];
      for (const other of remaining) {
        if (other === pivot) continue;
        const a = pivot.row.coefficients[column] as bigint;
        const b = other.row.coefficients[column] as bigint;
        if (b === 0n) {
          next.push(other);
          continue;
        }
        const g = gcd(a, b);
        const pivotFactor = a / g;
        const rowFactor = b / g;
        const combined = reduce({
          coefficients: other.row.coefficients.map((c, j) => pivotFactor * c - rowFactor * (pivot.row.coefficients[j] as bigint)),
          constant: pivotFactor * other.row.constant - rowFactor * pivot.row.constant,
        });
        const combination = combinationText(pivotFactor, other.row, rowFactor, pivot.row, unknowns);
        steps.push(
          `Eliminate ${name} from ${other.label} using ${pivot.label}: ${combination}, which simplifies to ${rowText(combined, unknowns)}.`,
        );
        next.push({ row: combined, label: `the equation ${rowText(combined, unknowns)}` });
      }
      remaining = next;
    }
    // Back-substitution, last pivot first.
    const known = new Map<string, Fraction>();
    for (let k = pivots.length - 1; k >= 0; k -= 1) {
      const { row, column } = pivots[k] as { row: IntegerRow; column: number };
      const name = unknowns[column] as string;
      const value = solution.get(name) as Fraction;
      const used = [...known].filter(([n]) => row.coefficients[unknowns.indexOf(n)] !== 0n);
      if (used.length === 0) {
        const solved = row.coefficients[column] === 1n && row.constant === value.s * value.n;
        if (!solved) steps.push(`Solve ${rowText(row, unknowns)} for ${name}: ${name} = ${valueText(value)}.`);
      } else {
        const given = used.map(([n, v]) => `${n} = ${valueText(v)}`).join(' and ');
        steps.push(`Substitute ${given} into ${rowText(row, unknowns)}: ${substitutedText(row, unknowns, known)}, so ${name} = ${valueText(value)}.`);
      }
      known.set(name, value);
    }
  }
  const final = unknowns.map((u) => `${u} = ${valueText(solution.get(u) as Fraction)}`).join(', ');
  steps.push(`Final answer: ${final}`);
  return steps.join('\n\n');
}
