import { normaliseText } from './prompt-parts';

/**
 * Where literal values occur in a source text, and in what context, to tell
 * whether a value read from one text is still what another text says.
 */
export class SourceIndex {
  /** The source, normalised with {@link normaliseText}. */
  readonly text: string;
  private readonly contexts = new Map<string, ReadonlySet<string>>();

  /**
   * @param source - the source text as written.
   * @param contextTokens - tokens before an occurrence that make up its context.
   */
  constructor(
    source: string,
    private readonly contextTokens: number,
  ) {
    this.text = normaliseText(source);
  }

  /**
   * The contexts `literal` (normalised) occurs in: for every occurrence at
   * word boundaries, the `contextTokens` tokens before it on its line (words,
   * or single punctuation marks; `^` marks the line start when fewer) and the
   * one token after it (`$` at the line end).
   */
  occurrences(literal: string, numeric: boolean): ReadonlySet<string> {
    const cacheKey = `${numeric ? 'n' : 's'}${literal}`;
    const cached = this.contexts.get(cacheKey);
    if (cached) return cached;
    const found = new Set<string>();
    const { text } = this;
    for (let at = text.indexOf(literal); at !== -1 && literal !== ''; at = text.indexOf(literal, at + 1)) {
      const end = at + literal.length;
      if (!boundaryBefore(text, at, literal, numeric) || !boundaryAfter(text, end, literal, numeric)) continue;
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
      const before = tokens(text.slice(lineStart, at));
      const after = tokens(text.slice(end, lineEnd));
      const lead = before.length >= this.contextTokens ? before.slice(-this.contextTokens) : ['^', ...before];
      found.add(`${lead.join(' ')} | ${after[0] ?? '$'}`);
    }
    this.contexts.set(cacheKey, found);
    return found;
  }
}

const WORD = /[\p{L}\p{N}]/u;

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

function boundaryBefore(text: string, at: number, literal: string, numeric: boolean): boolean {
  if (at === 0) return true;
  const ch = text[at - 1] as string;
  // A sign or decimal point right before a number makes it another number (-5, 2.5).
  if (numeric) return !/[\p{L}\p{N}.,+-]/u.test(ch) || (ch === '-' && /[\p{L}\p{N}]/u.test(text[at - 2] ?? ''));
  return !(WORD.test(literal[0] as string) && WORD.test(ch));
}

function boundaryAfter(text: string, end: number, literal: string, numeric: boolean): boolean {
  if (end === text.length) return true;
  const ch = text[end] as string;
  if (numeric && /[.,]/.test(ch) && /\d/.test(text[end + 1] ?? '')) return false;
  return !(WORD.test(literal[literal.length - 1] as string) && WORD.test(ch));
}

/** How a number may be written in text: `52000`, `52,000`. */
function numberForms(value: number): string[] {
  const plain = String(value);
  const grouped = Math.abs(value) >= 1000 && Number.isInteger(value) ? value.toLocaleString('en-US') : plain;
  return grouped === plain ? [plain] : [plain, grouped];
}

/**
 * True when a literal value (a string or a number) read from `cached` is
 * still what `next` says: it occurs in both texts, at word boundaries, in at
 * least one identical context (the same few tokens before it on its line and
 * the same token after it). So "City: Lisbon" supports reusing `"Lisbon"`
 * for "City: Lisbon" in another record, but not for "Previous city: Lisbon"
 * or "City: Lisbon Heights"; and `34` read from "a 34-year-old" is not
 * supported by "a 41-year-old".
 */
export function literalSupported(value: string | number, cached: SourceIndex, next: SourceIndex): boolean {
  const numeric = typeof value === 'number';
  const forms = numeric ? numberForms(value) : [normaliseText(value)];
  for (const form of forms) {
    if (form === '') continue;
    const before = cached.occurrences(form, numeric);
    if (before.size === 0) continue;
    for (const context of next.occurrences(form, numeric)) if (before.has(context)) return true;
  }
  return false;
}
