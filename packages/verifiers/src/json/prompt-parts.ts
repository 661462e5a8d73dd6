/**
 * Splits a structured-output prompt into the instruction (what to do) and the
 * source text (the data values are read from), so a cached answer can be
 * judged against a request that only changed its data.
 *
 * The split is deliberately conservative: text is taken as source only when
 * the prompt marks it as data, and anything that might be instruction stays
 * in the instruction. Misreading data as instruction only costs reuse (the
 * instruction then differs and the request is regenerated); misreading an
 * instruction as data could carry over a value that answered another
 * question, so it is avoided.
 */

import { isJsonSkeleton } from './json-skeleton';
import { findPromptKeys, keySpecEnd } from './prompt-keys';

/** What a request asks for, in broad strokes. Used to explain skip-reuse decisions. */
export type TaskKind = 'extract' | 'classify' | 'summarise' | 'translate' | 'generate';

/** A prompt split into instruction and source. */
export interface PromptParts {
  /**
   * The instruction, normalised (see {@link normaliseText}); the whole prompt
   * when nothing is marked as data. When `keys` is set, each key list in it
   * reads `[keys]`, so two instructions that differ only in their key lists
   * are equal.
   */
  readonly instruction: string;
  /** The source text, as written (not normalised); `''` when the prompt marks no data. */
  readonly source: string;
  /** The kind of task the instruction asks for, when its wording says. */
  readonly kind?: TaskKind;
  /**
   * The keys the instruction asks for, when key lists were looked for
   * (`inferKeys`) and it names them unambiguously (see `findPromptKeys`).
   */
  readonly keys?: readonly string[];
}

/** Options of {@link promptParts}. */
export interface PromptPartsOptions {
  /**
   * Look for the keys the instruction names ("with the keys A, B and C", a
   * bulleted list after "fields:", a JSON skeleton) and, when found, keep
   * them out of the source and mask them in `instruction`. Default: `false`.
   */
  readonly inferKeys?: boolean;
}

/**
 * Text as compared across requests: Unicode NFKC, lower case, typographic
 * quotes, dashes and minus signs made ASCII, runs of spaces and tabs
 * collapsed, every line trimmed, blank lines dropped.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

// Sentence openers and phrases that make a paragraph an instruction rather than data.
const IMPERATIVE =
  /(?:^|[.!?:\n])\s*(?:please\s+)?(?:extract|return|respond|reply|answer|list|give|provide|output|fill|find|identify|classify|categori[sz]e|summari[sz]e|translate|generate|write|create|produce|convert|parse|determine|decide|label|tag|rate|score|use|include|ignore|only|do not|don't|make|pull|read|tell|describe|explain|choose|select|pick|format|map|put|set|infer|guess|compute|calculate|count|detect|assess|evaluate|analy[sz]e|check|rewrite|draft|compose|invent|you are|you must|your task)\b/i;
const MENTIONS_OUTPUT = /\b(?:json|schema|fields?|keys?|properties|format)\b/i;

function isInstruction(paragraph: string): boolean {
  return IMPERATIVE.test(paragraph) || MENTIONS_OUTPUT.test(paragraph) || paragraph.trim().endsWith('?');
}

const KINDS: readonly (readonly [TaskKind, RegExp])[] = [
  ['translate', /\btranslat\w*/],
  ['summarise', /\b(?:summar\w*|tl;?dr|condense|sum up)\b/],
  ['classify', /\b(?:classif\w*|categori[sz]\w*|sentiment|label|tag|rate|score|detect|decide whether|determine whether)\b/],
  ['generate', /\b(?:generate|write|create|compose|invent|make up|draft|come up with|brainstorm)\b/],
  ['extract', /\b(?:extract\w*|pull out|parse|fill in|fill out|capture|read (?:this|the))\b/],
];

/** The first task kind the instruction's wording names, by position in the text. */
export function taskKind(instruction: string): TaskKind | undefined {
  let best: { kind: TaskKind; at: number } | undefined;
  for (const [kind, pattern] of KINDS) {
    const match = pattern.exec(instruction);
    if (match && (best === undefined || match.index < best.at)) best = { kind, at: match.index };
  }
  return best?.kind;
}

function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
}

/** Blocks the prompt delimits as data: code fences, triple quotes, `<tag>…</tag>`. */
const BLOCK = /```[^\n]*\n([\s\S]*?)```|"""([\s\S]*?)"""|<([A-Za-z][\w-]*)>([\s\S]*?)<\/\3>/g;

/**
 * The first lead-in line: it ends with ":" and data follows. With `keyAware`,
 * a line that introduces a key list or a JSON skeleton ("Return JSON with
 * these keys:" and bullets) is not a lead-in; the search goes on after it.
 */
function leadLine(lines: readonly string[], keyAware: boolean): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.trim().endsWith(':') || !lines.slice(i + 1).some((l) => l.trim() !== '')) continue;
    const spec = keyAware ? keySpecEnd(lines, i) : undefined;
    if (spec === undefined) return i;
    i = spec;
  }
  return -1;
}

/**
 * Paragraphs as instruction or data. With `keyAware`, a paragraph that is a
 * JSON skeleton belongs to the instruction paragraph next to it.
 */
function paragraphSplit(prompt: string, keyAware: boolean): { instruction: string; source: string } | undefined {
  let parts = paragraphs(prompt);
  if (keyAware) {
    const merged: string[] = [];
    for (const part of parts) {
      const previous = merged.at(-1);
      if (previous !== undefined && isJsonSkeleton(part) && isInstruction(previous)) merged[merged.length - 1] = `${previous}\n\n${part}`;
      else if (previous !== undefined && isJsonSkeleton(previous) && isInstruction(part)) merged[merged.length - 1] = `${previous}\n\n${part}`;
      else merged.push(part);
    }
    parts = merged;
  }
  if (parts.length < 2) return undefined;
  const flagged = parts.map(isInstruction);
  const count = flagged.filter(Boolean).length;
  if (count !== 1 || !(flagged[0] === true || flagged[parts.length - 1] === true)) return undefined;
  const at = flagged.indexOf(true);
  return { instruction: parts[at] as string, source: parts.filter((_p, i) => i !== at).join('\n\n') };
}

function split(prompt: string, keyAware: boolean): { instruction: string; source: string } {
  const whole = { instruction: prompt, source: '' };
  const lines = prompt.split('\n');
  // 1. A lead-in line ending with ":" ("Text:", "… from the following profile:") followed by data.
  const lead = leadLine(lines, keyAware);
  // A fenced JSON skeleton is part of the instruction, not data (key-aware only).
  const isData = (fenced: string | undefined) => !(keyAware && fenced !== undefined && isJsonSkeleton(fenced));
  const blocks = [...prompt.matchAll(BLOCK)].filter((m) => isData(m[1]));
  let instruction: string;
  let source: string;
  if (lead !== -1) {
    instruction = lines.slice(0, lead + 1).join('\n');
    source = lines.slice(lead + 1).join('\n');
  } else if (blocks.length > 0) {
    // 2. Delimited blocks are the data; everything else is instruction.
    const data: string[] = [];
    instruction = prompt.replace(BLOCK, (block: string, fenced?: string, quoted?: string, _tag?: string, tagged?: string) => {
      if (!isData(fenced)) return block;
      data.push(fenced ?? quoted ?? tagged ?? '');
      return '[data]';
    });
    source = data.join('\n');
  } else {
    // 3. Paragraphs: one instruction paragraph first or last, the rest data.
    const parts = paragraphSplit(prompt, keyAware);
    if (parts === undefined) return whole;
    ({ instruction, source } = parts);
  }
  // Data paragraphs that read like instructions (a question, an order) move to the instruction.
  const sourceParts = paragraphs(source);
  const stray = sourceParts.filter((p) => IMPERATIVE.test(p) || p.trim().endsWith('?'));
  if (stray.length > 0) {
    if (stray.length === sourceParts.length) return whole;
    instruction = `${instruction}\n\n${stray.join('\n\n')}`;
    source = sourceParts.filter((p) => !stray.includes(p)).join('\n\n');
  }
  return source.trim() === '' ? whole : { instruction, source };
}

/**
 * Splits `prompt` into instruction and source. Data is recognised by form
 * only: the text after a lead-in line ending in `:`; or delimited blocks
 * (code fences, `"""…"""`, `<tag>…</tag>`); or, in a prompt of several
 * paragraphs of which exactly one — the first or the last — reads as an
 * instruction (an imperative, a question, or a mention of JSON/keys/fields),
 * the other paragraphs. Data paragraphs that read as instructions are moved
 * back into the instruction. Without any of these, the whole prompt is
 * instruction and there is no source — unless `context` holds the
 * instruction (a system prompt) and the prompt reads as pure data (no
 * imperative, no question mark, no mention of JSON/keys/fields): then the
 * whole prompt is the source.
 *
 * With `inferKeys`, the split first keeps key lists and JSON skeletons in
 * the instruction (a bulleted list after "keys:" is not a lead-in's data, a
 * fenced skeleton is not a data block) and looks for the keys the
 * instruction and `context` name. When it finds them, `keys` is set and each
 * list reads `[keys]` in `instruction`; when it does not, the split is
 * exactly the one without `inferKeys`.
 *
 * @param context - further text that belongs to the instruction (system
 *   prompt, output name and description).
 */
export function promptParts(prompt: string, context = '', options: PromptPartsOptions = {}): PromptParts {
  // With the instruction in the system prompt (or the output's description), a user message that
  // reads as pure data — no order, no question, no mention of the output — is all source.
  const dataOnly = context.trim() !== '' && !IMPERATIVE.test(prompt) && !MENTIONS_OUTPUT.test(prompt) && !prompt.includes('?');
  if (options.inferKeys === true) {
    const aware = dataOnly ? { instruction: '', source: prompt } : split(prompt, true);
    const found = findPromptKeys([context, aware.instruction]);
    if (found !== undefined) {
      const [maskedContext, maskedInstruction] = found.masked as [string, string];
      const kind = taskKind(normaliseText(maskedInstruction));
      return {
        instruction: normaliseText(`${maskedContext}\n${maskedInstruction}`),
        source: aware.source,
        ...(kind === undefined ? {} : { kind }),
        keys: found.keys,
      };
    }
  }
  const { instruction, source } = dataOnly ? { instruction: '', source: prompt } : split(prompt, false);
  const normalised = normaliseText(`${context}\n${instruction}`);
  const kind = taskKind(normaliseText(instruction));
  return { instruction: normalised, source, ...(kind === undefined ? {} : { kind }) };
}
