import { isDigit, isLetter } from './characters';
import { AMBIGUOUS_LETTERS } from './detect-linear-problem';
import { TEXT_COMMANDS } from './normalise-math';


/** Words after which a lone "a"/"I" is a variable ("solve for a"), and words that may follow it. */
const CUES_BEFORE = new Set(['for', 'of', 'isolate', 'eliminate', 'substitute', 'variable', 'and', 'find', 'determine']);
const CUES_AFTER = new Set(['and', 'or', 'is', 'into', 'in', 'back', 'equals', 'by', 'from', 'to']);

const OPERATOR_CHARS = '=+-*/^()[]{}≈<>×·−,';
const SUBSCRIPT = /^(?:_\{(\d+)\}|_(\d+)|(\d+))/;

function previousWord(text: string, at: number): string {
  const m = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, at - 20), at));
  return m ? (m[1] as string).toLowerCase() : '';
}

function nextWord(text: string, at: number): string {
  const m = /^\s+([A-Za-z]+)/.exec(text.slice(at, at + 20));
  return m ? (m[1] as string).toLowerCase() : '';
}

/** Whether a lone "a"/"I" at [start, end) of prose is a variable rather than a word. */
function proseLetterIsVariable(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  if (isDigit(text[start - 1])) return true;
  if (before !== '' && OPERATOR_CHARS.includes(before[before.length - 1] as string)) return true;
  if (after !== '' && OPERATOR_CHARS.includes(after[0] as string)) return true;
  if (!CUES_BEFORE.has(previousWord(text, start))) return false;
  return !isLetter(after[0]) || CUES_AFTER.has(nextWord(text, end));
}

/** Skips a LaTeX argument `{…}` at `at` (after spaces); returns the index after it. */
function skipGroup(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ') i += 1;
  if (text[i] !== '{') return at;
  let depth = 0;
  for (; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * Renames variables in a step of a solution, consistently and all at once
 * (so `x→y, y→x` swaps). Renames only where a letter is math: inside math
 * delimiters (`\( \)`, `\[ \]`, `$ $`; never inside `\text{…}` or command
 * names), and in prose only lone letters (`2x + 3 = 7`, "solve for x",
 * "x = 2") — never letters inside words. The letters "a", "A" and "I", which
 * are also English words, are renamed in prose only next to math ("a = 2",
 * "2a", "(a, b)") or after a cue ("solve for a and b").
 *
 * @param mapping - canonical old name → canonical new name (`x_1` stands for `x1`, `x_1`, `x_{1}`).
 */
export function renameVariables(text: string, mapping: ReadonlyMap<string, string>): string {
  if (mapping.size === 0) return text;
  let out = '';
  let math = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') math = true;
      else if (next === ')' || next === ']') math = false;
      if (isLetter(next)) {
        let j = i + 1;
        while (isLetter(text[j])) j += 1;
        const end = TEXT_COMMANDS.has(text.slice(i + 1, j)) ? skipGroup(text, j) : j;
        out += text.slice(i, end);
        i = end;
      } else {
        out += text.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c === '$') {
      math = !math;
      const double = text[i + 1] === '$';
      out += double ? '$$' : '$';
      i += double ? 2 : 1;
      continue;
    }
    if (!isLetter(c)) {
      out += c;
      i += 1;
      continue;
    }
    let runEnd = i;
    while (isLetter(text[runEnd])) runEnd += 1;
    const inWord = !math && (runEnd - i > 1 || text[i - 1] === "'" || text[runEnd] === "'" || text[i - 1] === '’');
    const abbreviation = !math && ((text[runEnd] === '.' && isLetter(text[runEnd + 1])) || (text[i - 1] === '.' && isLetter(text[i - 2])));
    if (inWord || abbreviation) {
      out += text.slice(i, runEnd);
      i = runEnd;
      continue;
    }
    // One letter (each letter of a run in math mode), with its subscript.
    const sub = runEnd === i + 1 || math ? SUBSCRIPT.exec(text.slice(i + 1)) : null;
    const digits = sub ? (sub[1] ?? sub[2] ?? sub[3]) : undefined;
    const end = i + 1 + (sub ? sub[0].length : 0);
    const name = digits === undefined ? c : `${c}_${digits}`;
    const replacement = mapping.get(name);
    const ambiguousProse = !math && AMBIGUOUS_LETTERS.has(c) && digits === undefined;
    if (replacement === undefined || (ambiguousProse && !proseLetterIsVariable(text, i, end))) {
      out += text.slice(i, end);
    } else {
      const [letter, index] = replacement.split('_');
      out += index === undefined ? letter : math && index.length > 1 ? `${letter}_{${index}}` : `${letter}_${index}`;
    }
    i = end;
  }
  return out;
}
