import { digest } from './digest';

/**
 * A prompt normalised for exact-repeat matching: Unicode NFKC, zero-width
 * characters removed, lower case,
 * runs of whitespace collapsed, trimmed. Numbers and symbols are kept as they
 * are: a different constant is a different prompt.
 */
export function normalizePrompt(text: string): string {
  return text.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Digest of the normalised prompt: equal for prompts that differ only in case or spacing. */
export function promptKey(text: string): Promise<string> {
  return digest(normalizePrompt(text));
}
