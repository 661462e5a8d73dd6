import Fraction from 'fraction.js';
import { isDigit } from './characters';
import { MATH_CLOSE, MATH_OPEN, UNKNOWN_SYMBOL } from './normalise-math';

/**
 * Token kinds of normalised math text.
 * - `num`: a number literal; `var`: one variable (`x`, `x_1`); `func`: a
 *   function name (`sqrt`); `op`: `+ - * / ^`; `rel`: a relation (`=`, `≈`,
 *   `<`, …); `lp`/`rp`: brackets; `comma`.
 * - `word`: an English word; `garbage`: something glued to math that is not
 *   math (`2xy` in prose, `±`, an unknown LaTeX symbol) — it makes the
 *   surrounding equation unreadable instead of silently splitting it.
 * - `break`: a hard separator (newline in prose, `;`, arrows, math delimiters);
 *   `punct`: sentence punctuation; `bar`: `|`; `other`: anything else.
 */
export type TokenKind =
  | 'num'
  | 'var'
  | 'func'
  | 'op'
  | 'rel'
  | 'lp'
  | 'rp'
  | 'comma'
  | 'word'
  | 'garbage'
  | 'break'
  | 'punct'
  | 'bar'
  | 'other';

/** One token of normalised math text. */
export interface Token {
  readonly kind: TokenKind;
  /** The token as written (a variable's canonical name for `var`). */
  readonly text: string;
  /** Inside `\( \)`, `\[ \]` or `$ $`. */
  readonly math: boolean;
  /** Preceded by whitespace. */
  readonly spaceBefore: boolean;
  /** Exact value of a `num` token. */
  readonly value?: Fraction;
  /** Digits after the decimal point of a `num` token. */
  readonly decimals?: number;
  /** The number was followed by `...`/`…` (a truncated decimal). */
  readonly truncated?: boolean;
}

const FUNCTIONS = new Set([
  'sqrt',
  'abs',
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'log',
  'ln',
  'exp',
  'min',
  'max',
  'floor',
  'ceil',
  'mod',
  'gcd',
  'lcm',
]);

/** Connective words a model may leave un-`\text`ed inside math. */
const MATH_MODE_WORDS = new Set([
  'and',
  'or',
  'so',
  'then',
  'thus',
  'hence',
  'where',
  'with',
  'for',
  'is',
  'if',
  'since',
  'gives',
  'yields',
  'implies',
  'therefore',
  'answer',
]);

const NUMBER = /\d+(?:\.\d+)?|\.\d+/y;
const ELLIPSIS = /(?:\.\.\.|…)/y;
const ORDINAL = /(?:st|nd|rd|th)\b/y;
const LETTERS = /[A-Za-z]+(?:['’][A-Za-z]+)*/y;
const SUBSCRIPT = /_([A-Za-z0-9]+)|(\d+)/y;
const OPERATORS = new Set(['+', '-', '*', '/', '^']);

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m ? m[0] : undefined;
}

/** Canonical variable name: `x`, or `x_1` for `x1`, `x_1`, `x_{1}`. */
function readVariable(text: string, at: number, letter: string): { name: string; end: number } {
  SUBSCRIPT.lastIndex = at;
  const m = SUBSCRIPT.exec(text);
  if (!m) return { name: letter, end: at };
  return { name: `${letter}_${m[1] ?? m[2]}`, end: at + m[0].length };
}

/** Splits normalised text (see `normaliseMathText`) into tokens. */
export function tokenizeMath(text: string): Token[] {
  const tokens: Token[] = [];
  let math = false;
  let space = true;
  let i = 0;
  const push = (kind: TokenKind, tokenText: string) => {
    tokens.push({ kind, text: tokenText, math, spaceBefore: space });
    space = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === MATH_OPEN || c === MATH_CLOSE) {
      push('break', '');
      math = c === MATH_OPEN;
      space = true;
      i += 1;
      continue;
    }
    if (c === '\n') {
      if (!math) push('break', '\n');
      space = true;
      i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      space = true;
      i += 1;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      const literal = matchAt(NUMBER, text, i) as string;
      let end = i + literal.length;
      const ordinal = matchAt(ORDINAL, text, end);
      if (ordinal !== undefined) {
        push('word', literal + ordinal);
        i = end + ordinal.length;
        continue;
      }
      const dot = literal.indexOf('.');
      const decimals = dot === -1 ? 0 : literal.length - dot - 1;
      const ellipsis = decimals > 0 ? matchAt(ELLIPSIS, text, end) : undefined;
      if (ellipsis !== undefined) end += ellipsis.length;
      tokens.push({
        kind: 'num',
        text: literal,
        math,
        spaceBefore: space,
        value: new Fraction(literal),
        decimals,
        truncated: ellipsis !== undefined,
      });
      space = false;
      i = end;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      const run = matchAt(LETTERS, text, i) as string;
      const end = i + run.length;
      const lower = run.toLowerCase();
      if (run.includes("'") || run.includes('’')) {
        push('word', run);
        i = end;
      } else if (FUNCTIONS.has(lower) && (math || text.slice(end).trimStart().startsWith('('))) {
        push('func', lower);
        i = end;
      } else if (run.length === 1 || (math && !MATH_MODE_WORDS.has(lower))) {
        // In math mode `xy` is x times y; the subscript belongs to the last letter.
        for (let k = 0; k < run.length - 1; k += 1) push('var', run[k] as string);
        const variable = readVariable(text, end, run[run.length - 1] as string);
        push('var', variable.name);
        i = variable.end;
      } else {
        const previous = tokens[tokens.length - 1];
        const gluedLeft =
          !space && previous !== undefined && (previous.kind === 'num' || previous.kind === 'var' || previous.kind === 'rp');
        const next = text[end];
        const gluedRight = next === '(' || isDigit(next);
        push(gluedLeft || gluedRight ? 'garbage' : 'word', run);
        i = end;
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '=>' || two === '->') {
      push('break', '⇒');
      i += 2;
    } else if (two === '==' || two === ':=') {
      push('rel', '=');
      i += 2;
    } else if (two === '<=' || two === '=<') {
      push('rel', '≤');
      i += 2;
    } else if (two === '>=') {
      push('rel', '≥');
      i += 2;
    } else if (two === '!=') {
      push('rel', '≠');
      i += 2;
    } else if (c === '=' || c === '≈' || c === '<' || c === '>' || c === '≤' || c === '≥' || c === '≠') {
      push('rel', c);
      i += 1;
    } else if (OPERATORS.has(c)) {
      push('op', c);
      i += 1;
    } else if (c === '(' || c === '[') {
      push('lp', '(');
      i += 1;
    } else if (c === ')' || c === ']') {
      push('rp', ')');
      i += 1;
    } else if (c === ',') {
      push('comma', ',');
      i += 1;
    } else if (c === ';' || c === '⇒') {
      push('break', c);
      i += 1;
    } else if (c === '.' || c === ':' || c === '?' || c === '!' || c === '…') {
      push('punct', c);
      i += 1;
    } else if (c === '|') {
      push('bar', c);
      i += 1;
    } else if (c === '±' || c === UNKNOWN_SYMBOL || c === '%') {
      push('garbage', c);
      i += 1;
    } else {
      push('other', c);
      i += c.length;
    }
  }
  return tokens;
}
