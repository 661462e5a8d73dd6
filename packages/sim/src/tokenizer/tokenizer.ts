/**
 * The simulated tokenizer: a deterministic word-piece-like split used for
 * `usage` counts and for streaming (one `text-delta` per token).
 *
 * Rules, in order: a run of line breaks is one token; otherwise a token is
 * optional leading spaces/tabs followed by up to 5 ASCII letters, or up to 3
 * digits, or one other visible character; leftover whitespace is one token.
 * English prose comes out near 1.3 tokens per word and equations near one
 * token per symbol, close to common BPE tokenizers.
 */
const TOKEN_PATTERN = /[\r\n]+|[ \t]*(?:[A-Za-z]{1,5}|\d{1,3}|[^\s])|\s+/gu;

/** Splits `text` into tokens whose concatenation is exactly `text`. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/** Number of simulated tokens in `text`. */
export function countTokens(text: string): number {
  return tokenize(text).length;
}
