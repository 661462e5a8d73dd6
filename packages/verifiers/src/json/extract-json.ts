/**
 * Single-step extraction: finds the one JSON value in a model's answer,
 * whatever surrounds it (prose before or after, a "Here is the JSON:" lead,
 * a Markdown code fence).
 */

/** Where the JSON value of an answer is. */
export interface JsonSpan {
  /** The value's text, from its opening bracket (or first character) on. */
  readonly text: string;
  /** True when the value's closing bracket was found; false when the text ended first. */
  readonly closed: boolean;
}

/** What kind of root value the caller expects. */
export type RootHint = 'object' | 'any';

const FENCE_OPEN = /```[ \t]*([\w-]*)[ \t]*\r?\n/g;
// An object opener followed by what a JSON(-ish) object starts with: a quoted or bare key, or `}`.
const OBJECT_START = /^\{\s*(?:["'}]|[A-Za-z_$][\w$]*\s*:|$)/;
// An array opener followed by what a JSON value starts with (or `]`).
const ARRAY_START = /^\[\s*(?:[[{"'\]]|-?\d|true\b|false\b|null\b|$)/;

/**
 * Index just past the bracket that closes the one at `start`, or `undefined`
 * when the text ends first. Strings in double or single quotes are skipped,
 * with backslash escapes.
 */
export function closingIndex(text: string, start: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quote !== undefined) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** The first opener in `text` that starts a JSON-looking value of the wanted kind. */
function firstValue(text: string, root: RootHint): JsonSpan | undefined {
  const opener = root === 'object' ? /\{/g : /[{[]/g;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const rest = text.slice(match.index);
    if (!(rest.startsWith('{') ? OBJECT_START : ARRAY_START).test(rest)) continue;
    const end = closingIndex(text, match.index);
    return end === undefined ? { text: rest, closed: false } : { text: text.slice(match.index, end), closed: true };
  }
  return undefined;
}

/**
 * The JSON value of an answer: the first JSON-looking object (or, with root
 * `any`, array) inside the first code fence that has one, else in the text
 * itself. Prose around it is ignored; a fence or value still open at the end
 * (a stream, a cut-off answer) runs to the end. `undefined` when there is no
 * such value (for root `any`, a bare scalar is then tried by the caller).
 *
 * Prefix-stable: where the value starts depends only on the text up to it.
 */
export function extractJson(text: string, root: RootHint): JsonSpan | undefined {
  FENCE_OPEN.lastIndex = 0;
  for (let fence = FENCE_OPEN.exec(text); fence; fence = FENCE_OPEN.exec(text)) {
    const from = fence.index + fence[0].length;
    const close = text.indexOf('```', from);
    const body = close === -1 ? text.slice(from) : text.slice(from, close);
    const span = firstValue(body, root);
    if (span) return span;
    if (close === -1) break;
    FENCE_OPEN.lastIndex = close + 3;
  }
  return firstValue(text, root);
}
