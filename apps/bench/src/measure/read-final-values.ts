import type { StatedNumber } from './answer-text';
import { answerLines, NUMBER, parseStatedNumber } from './answer-text';

const ASSIGNMENT_HEAD = /(?<![A-Za-z0-9_^)\]])([A-Za-z])\s*=(?!=)/g;
/** Where the right-hand side of an assignment ends: a list separator, a connective, a bracket, the next assignment. */
const RIGHT_SIDE_END = /,\s*|;|\s(?:and|or|so|then|which|since|because|where|with|for)\b|\s[([]|\s(?=[A-Za-z]\s*=(?!=))/;
const WHOLE_NUMBER = new RegExp(String.raw`^${NUMBER}$`);

/**
 * Every `v = number` on a line, by variable. For a chain such as
 * `x = 8/2 = 4` the value is the chain's last part; a right-hand side that
 * is not a plain number (`x = 2y + 1`) states no value.
 */
export function assignmentsOn(line: string): Map<string, StatedNumber> {
  const found = new Map<string, StatedNumber>();
  for (const m of line.matchAll(ASSIGNMENT_HEAD)) {
    const rest = line.slice((m.index ?? 0) + m[0].length);
    const end = RIGHT_SIDE_END.exec(rest);
    const right = (end ? rest.slice(0, end.index) : rest).split('=').pop() ?? '';
    const candidate = right.trim().replace(/[\s.!✓✔]+$/u, '');
    if (!WHOLE_NUMBER.test(candidate)) continue;
    const value = parseStatedNumber(candidate);
    if (value) found.set(m[1] as string, value);
  }
  // (x, y) = (3, 2)
  const named = new RegExp(String.raw`\(\s*([A-Za-z](?:\s*,\s*[A-Za-z])+)\s*\)\s*=\s*\(\s*(${NUMBER}(?:\s*,\s*${NUMBER})+)\s*\)`, 'g');
  for (const m of line.matchAll(named)) {
    const names = (m[1] as string).split(',').map((n) => n.trim());
    const values = (m[2] as string).split(',').map((n) => parseStatedNumber(n));
    if (names.length !== values.length) continue;
    names.forEach((n, i) => {
      const v = values[i];
      if (v) found.set(n, v);
    });
  }
  return found;
}

/** A bare ordered tuple `(3, 2)` of `arity` numbers on a line, if any (the last one). */
export function tupleOn(line: string, arity: number): StatedNumber[] | undefined {
  const tuple = new RegExp(String.raw`\(\s*(${NUMBER}(?:\s*,\s*${NUMBER})+)\s*\)`, 'g');
  let last: StatedNumber[] | undefined;
  for (const m of line.matchAll(tuple)) {
    const values = (m[1] as string).split(',').map((s) => parseStatedNumber(s));
    if (values.length === arity && values.every((v) => v !== null)) last = values as StatedNumber[];
  }
  return last;
}

/**
 * Reads the final answer of a worked solution for `variables`, as a reader
 * would: the last line that states values (assignments such as `x = 3,
 * y = 2`, `(x, y) = (3, 2)`, or a bare tuple `(3, 2)` read in `variables`
 * order) is the answer when it states every unknown; otherwise each unknown
 * takes the last value the answer assigns it anywhere (a derivation that
 * ends on its last unknown without a summary line). Also returns the foreign
 * single-letter unknowns the answer assigns numbers to.
 */
export function readFinalValues(
  text: string,
  variables: readonly string[],
): { values: Map<string, StatedNumber>; foreign: string[] } {
  const lines = answerLines(text);
  const foreign = new Set<string>();
  const latest = new Map<string, StatedNumber>();
  let lastLine: { assigned: Map<string, StatedNumber>; tuple?: StatedNumber[] } | undefined;
  for (const line of lines) {
    const assigned = assignmentsOn(line);
    const tuple = variables.length > 1 ? tupleOn(line, variables.length) : undefined;
    for (const [name, value] of assigned) {
      if (variables.includes(name)) latest.set(name, value);
      else foreign.add(name);
    }
    const states = [...assigned.keys()].some((n) => variables.includes(n)) || tuple !== undefined;
    if (states) lastLine = tuple === undefined ? { assigned } : { assigned, tuple };
  }
  if (!lastLine) return { values: new Map(), foreign: [...foreign] };
  const onLast = new Map([...lastLine.assigned].filter(([n]) => variables.includes(n)));
  if (variables.every((v) => onLast.has(v))) return { values: onLast, foreign: [...foreign] };
  if (onLast.size === 0 && lastLine.tuple) {
    const tuple = lastLine.tuple;
    return { values: new Map(variables.map((v, i) => [v, tuple[i] as StatedNumber])), foreign: [...foreign] };
  }
  return { values: latest, foreign: [...foreign] };
}
