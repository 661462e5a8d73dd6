import { isLetter } from './characters';

/**
 * Turns model-style math text (Markdown, LaTeX, Unicode symbols) into plain
 * ASCII-ish math that the tokenizer reads: `\frac{7}{3}` → `((7)/(3))`,
 * `\cdot`/`×` → `*`, `−` → `-`, `x_{1}` → `x_1`, `²` → `^2`, math delimiters
 * → {@link MATH_OPEN}/{@link MATH_CLOSE} markers, `\boxed{…}` → `answer: …`,
 * list markers and "Step 1:" labels removed. Positions are not preserved:
 * the output is only read, never shown.
 */

/** Marks the start of a math region (`\(`, `\[`, `$`, `$$`). */
export const MATH_OPEN = '\u0002';
/** Marks the end of a math region. */
export const MATH_CLOSE = '\u0003';
/** Stands for a LaTeX command or symbol with no linear-algebra meaning (`\pi`, `\infty`, `\{`). */
export const UNKNOWN_SYMBOL = '\u00a4';
/** Replaces `\boxed{…}` so the final-answer reader sees it as an answer statement. */
const ANSWER_WORD = ' answer: ';

const SIMPLE_COMMANDS: Readonly<Record<string, string>> = {
  cdot: '*',
  times: '*',
  ast: '*',
  cdotp: '*',
  div: '/',
  approx: '≈',
  simeq: '≈',
  thickapprox: '≈',
  cong: '≈',
  ne: '≠',
  neq: '≠',
  le: '≤',
  leq: '≤',
  leqslant: '≤',
  ge: '≥',
  geq: '≥',
  geqslant: '≥',
  lt: '<',
  gt: '>',
  equiv: '=',
  minus: '-',
  Rightarrow: ' ⇒ ',
  rightarrow: ' ⇒ ',
  Longrightarrow: ' ⇒ ',
  longrightarrow: ' ⇒ ',
  implies: ' ⇒ ',
  to: ' ⇒ ',
  iff: ' ⇒ ',
  Leftrightarrow: ' ⇒ ',
  therefore: ' ⇒ ',
  because: ' ⇒ ',
  mapsto: ' ⇒ ',
  quad: ' ; ',
  qquad: ' ; ',
  dots: '…',
  ldots: '…',
  cdots: '…',
  dotsc: '…',
  checkmark: ' ✓ ',
  pm: ' ± ',
  mp: ' ± ',
  displaystyle: ' ',
  textstyle: ' ',
  nonumber: ' ',
  notag: ' ',
  left: '',
  right: '',
  big: '',
  Big: '',
  bigl: '',
  bigr: '',
  Bigl: '',
  Bigr: '',
  bigg: '',
  Bigg: '',
  biggl: '',
  biggr: '',
  middle: '',
  sin: ' sin',
  cos: ' cos',
  tan: ' tan',
  log: ' log',
  ln: ' ln',
  exp: ' exp',
};

/** LaTeX commands whose argument is prose: it leaves math mode (and is never renamed). */
export const TEXT_COMMANDS = new Set([
  'text',
  'textrm',
  'textit',
  'textbf',
  'textsf',
  'textnormal',
  'mbox',
  'mathrm',
  'operatorname',
  'emph',
  'intertext',
]);

/** Commands that only style their argument: the argument is kept as math. */
const STYLE_COMMANDS = new Set([
  'mathbf',
  'mathit',
  'mathsf',
  'boldsymbol',
  'bm',
  'underline',
  'overline',
  'cancel',
  'bcancel',
  'xcancel',
  'underbrace',
  'overbrace',
  'hphantom',
  'mathbin',
  'mathrel',
  'mathop',
]);

/** Commands dropped together with their (single) argument. */
const DROPPED_WITH_ARGUMENT = new Set(['tag', 'label', 'hspace', 'vspace', 'color', 'phantom', 'vphantom']);

const FRACTION_COMMANDS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

const UNICODE: Readonly<Record<string, string>> = {
  '\u2212': '-', // minus sign
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash, often used as minus
  '\u00d7': '*',
  '\u22c5': '*',
  '\u00b7': '*',
  '\u2219': '*',
  '\u2715': '*',
  '\u2716': '*',
  '\u2217': '*',
  '\u00f7': '/',
  '\u2215': '/',
  '\u2044': '/',
  '\u2245': '≈',
  '\u2243': '≈',
  '\u2a7d': '≤',
  '\u2a7e': '≥',
  '\uff1d': '=',
  '\u21d2': ' ⇒ ',
  '\u2192': ' ⇒ ',
  '\u27f9': ' ⇒ ',
  '\u27f6': ' ⇒ ',
  '\u21d4': ' ⇒ ',
  '\u2194': ' ⇒ ',
  '\u2234': ' ⇒ ',
  '\u2794': ' ⇒ ',
  '\u21e8': ' ⇒ ',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u201c': '"',
  '\u201d': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u00bd': '(1/2)',
  '\u2153': '(1/3)',
  '\u2154': '(2/3)',
  '\u00bc': '(1/4)',
  '\u00be': '(3/4)',
  '\u2155': '(1/5)',
  '\u2156': '(2/5)',
  '\u2157': '(3/5)',
  '\u2158': '(4/5)',
  '\u2159': '(1/6)',
  '\u215a': '(5/6)',
  '\u215b': '(1/8)',
  '\u215c': '(3/8)',
  '\u215d': '(5/8)',
  '\u215e': '(7/8)',
};

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

// One pass over every special character the table and the script maps know.
const UNICODE_PATTERN = new RegExp(
  `[${Object.keys(UNICODE).join('')}]|[⁻]?[${SUPERSCRIPTS}]+|[${SUBSCRIPTS}]+`,
  'gu',
);

function replaceUnicode(text: string): string {
  return text.replace(UNICODE_PATTERN, (match) => {
    const mapped = UNICODE[match];
    if (mapped !== undefined) return mapped;
    if (SUBSCRIPTS.includes(match[0] ?? '')) {
      return '_' + [...match].map((c) => SUBSCRIPTS.indexOf(c)).join('');
    }
    const negative = match.startsWith('⁻');
    const digits = [...(negative ? match.slice(1) : match)].map((c) => SUPERSCRIPTS.indexOf(c)).join('');
    return `^(${negative ? '-' : ''}${digits})`;
  });
}

interface LatexState {
  math: boolean;
}


/** Reads one LaTeX argument at `i`: a `{…}` group, a `\command`, or one character. */
function readArgument(src: string, start: number): { text: string; end: number } {
  let i = start;
  while (src[i] === ' ') i += 1;
  const c = src[i];
  if (c === undefined) return { text: '', end: i };
  if (c === '{') {
    let depth = 0;
    for (let j = i; j < src.length; j += 1) {
      if (src[j] === '\\') {
        j += 1;
        continue;
      }
      if (src[j] === '{') depth += 1;
      else if (src[j] === '}') {
        depth -= 1;
        if (depth === 0) return { text: src.slice(i + 1, j), end: j + 1 };
      }
    }
    return { text: src.slice(i + 1), end: src.length };
  }
  if (c === '\\') {
    let j = i + 1;
    while (isLetter(src[j])) j += 1;
    if (j === i + 1) j += 1;
    return { text: src.slice(i, j), end: j };
  }
  return { text: c, end: i + 1 };
}

function convertLatex(src: string, state: LatexState): string {
  let out = '';
  let i = 0;
  const open = () => {
    state.math = true;
    return MATH_OPEN;
  };
  const close = () => {
    state.math = false;
    return MATH_CLOSE;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      const next = src[i + 1];
      if (next === '(' || next === '[') {
        out += open();
        i += 2;
      } else if (next === ')' || next === ']') {
        out += close();
        i += 2;
      } else if (next === '\\') {
        out += ' ; ';
        i += 2;
      } else if (next !== undefined && ',;:! '.includes(next)) {
        out += ' ';
        i += 2;
      } else if (isLetter(next)) {
        let j = i + 1;
        while (isLetter(src[j])) j += 1;
        const name = src.slice(i + 1, j);
        const converted = convertCommand(name, src, j, state);
        out += converted.text;
        i = converted.end;
      } else {
        out += ` ${UNKNOWN_SYMBOL} `;
        i += 2;
      }
    } else if (c === '$') {
      const double = src[i + 1] === '$';
      out += state.math ? close() : open();
      i += double ? 2 : 1;
    } else if (c === '{') {
      out += '(';
      i += 1;
    } else if (c === '}') {
      out += ')';
      i += 1;
    } else if (c === '&') {
      out += ' ';
      i += 1;
    } else if (c === '_') {
      const arg = readArgument(src, i + 1);
      const body = arg.text.replace(/\s+/g, '');
      out += /^[A-Za-z0-9]+$/.test(body) ? `_${body}` : ` ${UNKNOWN_SYMBOL} `;
      i = arg.end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function convertCommand(name: string, src: string, end: number, state: LatexState): { text: string; end: number } {
  if (FRACTION_COMMANDS.has(name)) {
    const numerator = readArgument(src, end);
    const denominator = readArgument(src, numerator.end);
    return {
      text: `((${convertLatex(numerator.text, { ...state })})/(${convertLatex(denominator.text, { ...state })}))`,
      end: denominator.end,
    };
  }
  if (name === 'sqrt') {
    let at = end;
    while (src[at] === ' ') at += 1;
    if (src[at] === '[') {
      const close = src.indexOf(']', at);
      at = close === -1 ? src.length : close + 1;
    }
    const arg = readArgument(src, at);
    return { text: ` sqrt(${convertLatex(arg.text, { ...state })})`, end: arg.end };
  }
  if (TEXT_COMMANDS.has(name)) {
    const arg = readArgument(src, end);
    const body = arg.text.replace(/\\[,;:! ]/g, ' ');
    return { text: state.math ? `${MATH_CLOSE} ${body} ${MATH_OPEN}` : ` ${body} `, end: arg.end };
  }
  if (name === 'boxed' || name === 'fbox') {
    const arg = readArgument(src, end);
    const inner = convertLatex(arg.text, { ...state });
    return {
      text: state.math ? `${MATH_CLOSE}${ANSWER_WORD}${MATH_OPEN}${inner}` : `${ANSWER_WORD}${inner}`,
      end: arg.end,
    };
  }
  if (STYLE_COMMANDS.has(name)) {
    const arg = readArgument(src, end);
    return { text: `(${convertLatex(arg.text, { ...state })})`, end: arg.end };
  }
  if (name === 'textcolor') {
    const colour = readArgument(src, end);
    const arg = readArgument(src, colour.end);
    return { text: convertLatex(arg.text, { ...state }), end: arg.end };
  }
  if (DROPPED_WITH_ARGUMENT.has(name)) {
    return { text: ' ', end: readArgument(src, end).end };
  }
  if (name === 'begin' || name === 'end') {
    const env = readArgument(src, end);
    let at = env.end;
    if (name === 'begin' && /^(array|tabular)\*?$/.test(env.text)) at = readArgument(src, at).end;
    return { text: ' ; ', end: at };
  }
  const simple = SIMPLE_COMMANDS[name];
  if (simple !== undefined) {
    let at = end;
    // `\left.` and `\right.` are invisible delimiters.
    if ((name === 'left' || name === 'right') && src[at] === '.') at += 1;
    return { text: simple, end: at };
  }
  return { text: ` ${UNKNOWN_SYMBOL} `, end };
}

const THOUSANDS = /(?<![\d.,])\d{1,3}(?:(?:,|\{,\})\d{3})+(?![\d]|[.,]\d)/g;

const LINE_PREFIX =
  /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+)?(?:(?:[-*+•◦▪‣][ \t]+|\d{1,2}[.)][ \t]+|\(\d{1,2}\)[ \t]+|[a-h][.)][ \t]+|\([a-h]\)[ \t]+|\((?:i|ii|iii|iv)\)[ \t]+))?(?:step[ \t]*\d+[ \t]*[:.)\-–—]?[ \t]*)?/i;

// "Step 2", "equation (1)", "eq. 2": labels, unless the number starts math ("the equation 46 = 4t + 2").
// Step numbers are dropped; equation numbers become `equation (1)` references.
const NOT_MATH_AFTER = String.raw`(?![.,]?[\dA-Za-z_(^])(?![ \t]*[=+\-*/^<>≈≤≥])`;
const STEP_LABEL = new RegExp(String.raw`\bsteps?[ \t]*\d+` + NOT_MATH_AFTER, 'gi');
const EQUATION_LABEL = new RegExp(String.raw`\b(?:eq(?:uation)?s?|eqn)\.?[ \t]*(?:\(\d{1,2}\)|\d{1,2}` + NOT_MATH_AFTER + ')', 'gi');

/** Removes Markdown emphasis, code ticks, headings, quote and list markers and step labels. */
function stripMarkup(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .split('\n')
    // A bracketed number before an equation (`(1) 2x + y = 5`) is its label, not a list marker: kept,
    // cut off from the equation (`(2) -5x` is no subtraction) so the reader takes it as the label.
    .map((line) =>
      line.replace(LINE_PREFIX, (marker) => (/^[ \t]*\(\d{1,2}\)[ \t]+$/.test(marker) && line.includes('=') ? `${marker.trim()} ; ` : '')),
    )
    .join('\n')
    .replace(STEP_LABEL, 'step')
    // The number is kept as a bracketed label, which the equation reader takes as a reference.
    .replace(EQUATION_LABEL, (match) => `equation (${/\d+/.exec(match)?.[0] ?? ''})`)
    .replace(/\((?:i|ii|iii|iv)\)/g, ' ');
}

/**
 * Normalises one piece of model or user text for the math tokenizer. Math
 * regions are wrapped in {@link MATH_OPEN}/{@link MATH_CLOSE}; everything else
 * is kept as prose.
 */
export function normaliseMathText(text: string): string {
  // Thousands separators: `1,250` and `1{,}250` are one number; `(2, 3)` (with a space) is a pair.
  const lf = text.replace(/\r\n?/g, '\n').replace(THOUSANDS, (m) => m.replace(/\{,\}|,/g, ''));
  const latex = convertLatex(lf, { math: false });
  return stripMarkup(replaceUnicode(latex));
}
