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

/** What a request asks for, in broad strokes. Used to explain skip-reuse decisions. */
export type TaskKind = 'extract' | 'classify' | 'summarise' | 'translate' | 'generate';

/** A prompt split into instruction and source. */
export interface PromptParts {
  /** The instruction, normalised (see {@link normaliseText}); the whole prompt when nothing is marked as data. */
  readonly instruction: string;
  /** The source text, as written (not normalised); `''` when the prompt marks no data. */
  readonly source: string;
  /** The kind of task the instruction asks for, when its wording says. */
  readonly kind?: TaskKind;
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

function split(prompt: string): { instruction: string; source: string } {
  const whole = { instruction: prompt, source: '' };
  const lines = prompt.split('\n');
  // 1. A lead-in line ending with ":" ("Text:", "… from the following profile:") followed by data.
  const lead = lines.findIndex((line, i) => line.trim().endsWith(':') && lines.slice(i + 1).some((l) => l.trim() !== ''));
  let instruction: string;
  let source: string;
  if (lead !== -1) {
    instruction = lines.slice(0, lead + 1).join('\n');
    source = lines.slice(lead + 1).join('\n');
  } else if (BLOCK.test(prompt)) {
    // 2. Delimited blocks are the data; everything else is instruction.
    BLOCK.lastIndex = 0;
    const blocks: string[] = [];
    instruction = prompt.replace(BLOCK, (_m, fenced?: string, quoted?: string, _tag?: string, tagged?: string) => {
      blocks.push(fenced ?? quoted ?? tagged ?? '');
      return '[data]';
    });
    source = blocks.join('\n');
  } else {
    // 3. Paragraphs: one instruction paragraph first or last, the rest data.
    const parts = paragraphs(prompt);
    if (parts.length < 2) return whole;
    const flagged = parts.map(isInstruction);
    const count = flagged.filter(Boolean).length;
    if (count !== 1 || !(flagged[0] === true || flagged[parts.length - 1] === true)) return whole;
    const at = flagged.indexOf(true);
    instruction = parts[at] as string;
    source = parts.filter((_p, i) => i !== at).join('\n\n');
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
 * @param context - further text that belongs to the instruction (system
 *   prompt, output name and description).
 */
export function promptParts(prompt: string, context = ''): PromptParts {
  // With the instruction in the system prompt (or the output's description), a user message that
  // reads as pure data — no order, no question, no mention of the output — is all source.
  const dataOnly = context.trim() !== '' && !IMPERATIVE.test(prompt) && !MENTIONS_OUTPUT.test(prompt) && !prompt.includes('?');
  const { instruction, source } = dataOnly ? { instruction: '', source: prompt } : split(prompt);
  const normalised = normaliseText(`${context}\n${instruction}`);
  const kind = taskKind(normaliseText(instruction));
  return { instruction: normalised, source, ...(kind === undefined ? {} : { kind }) };
}
