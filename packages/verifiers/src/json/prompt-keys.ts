/**
 * The keys a structured-output prompt asks for, read from its instruction
 * when it names them explicitly, so that a request without a JSON Schema can
 * still be checked for missing and extra keys.
 *
 * Conservative by design: a key list is read only when the wording is
 * unambiguous. Reading a list that is not there would make the verifier
 * drop keys the caller wanted and ask the model for keys nobody asked for;
 * reading nothing keeps the syntax-only check of a schemaless request.
 */
import { isJsonSkeleton, jsonSkeletons } from './json-skeleton';
import { bulletKeyListAfter, bulletKeyLists } from './key-list-bullets';
import { phraseKeyLists } from './key-list-phrase';
import type { KeySpec } from './key-names';

/** The keys a prompt asks for, and its instruction texts with the key lists masked. */
export interface PromptKeys {
  /** The keys, in the order the (first) list names them. */
  readonly keys: readonly string[];
  /** The texts searched, each key list replaced by {@link KEYS_MARK}, in the order given. */
  readonly masked: readonly string[];
}

/** What replaces a key list in a masked instruction. */
export const KEYS_MARK = '[keys]';

/**
 * Words that make a key list an example or a lower bound rather than the
 * exact set of keys: "keys such as", "for example", "e.g.", "at least",
 * "including", "among others", "etc.", optional keys, "may include".
 */
const HEDGE =
  /\b(?:such as|for example|for instance|e\.\s?g\b|eg\b|i\.\s?e\b|at least|at most|including|among others|and so on|and more|etc\b|optional(?:ly)?|if (?:available|present|known|any|applicable|possible|relevant|needed|necessary)|where (?:available|applicable|possible|relevant)|or more|some of|any of|(?:may|might|can|could) (?:also )?(?:include|contain|have|add)|(?:keys|fields|properties) like)\b/i;
/** "other keys", "additional fields": hedges unless negated ("no other keys", "without extra fields"). */
const MORE_KEYS = /\b(?:additional|extra|other|more|further)\s+(?:keys|fields|properties)\b/gi;
/** Words that say the answer is not one object with these keys (a list of them, one per item). */
const MANY = /\b(?:arrays?|list of|lists|jsonl|ndjson|json lines|each|every|per|objects|entries|records|items|rows)\b/i;
/** Negations before a list in its sentence: "do not include the keys id and createdAt". */
const NEGATION =
  /\b(?:not|no|never|without|except|excluding|exclude|omit|omitting|ignore|ignoring|remove|removing|drop|dropping|skip|skipping|don't|dont|doesn't|leave out|other than)\b|n't\b/i;

function hedged(text: string): boolean {
  if (HEDGE.test(text)) return true;
  for (const match of text.matchAll(MORE_KEYS)) {
    const before = text.slice(Math.max(0, match.index - 25), match.index);
    if (!/\b(?:no|not|without|never|n't)\b/i.test(before)) return true;
  }
  return false;
}

/** The start of the sentence (or line) `at` is in. */
function sentenceStart(text: string, at: number): number {
  let start = 0;
  for (const match of text.slice(0, at).matchAll(/[.!?](?=\s)|\n/g)) start = match.index + 1;
  return start;
}

/** Every key list of one text, in order, overlapping ones left out (the first one found wins). */
function specsOf(text: string): KeySpec[] {
  const all = [...phraseKeyLists(text), ...bulletKeyLists(text), ...jsonSkeletons(text)].sort((a, b) => a.start - b.start);
  const kept: KeySpec[] = [];
  for (const spec of all) {
    const last = kept.at(-1);
    if (last === undefined || spec.start >= last.end) kept.push(spec);
  }
  return kept;
}

function mask(text: string, specs: readonly KeySpec[]): string {
  let out = '';
  let at = 0;
  for (const spec of specs) {
    out += text.slice(at, spec.start) + KEYS_MARK;
    at = spec.end;
  }
  return out + text.slice(at);
}

/**
 * The keys the instruction texts ask for (the raw instruction of the prompt
 * and, when there is one, the system prompt and the output's name and
 * description), or `undefined` when they name none unambiguously.
 *
 * A key list is one of: an inline phrase ("with the keys A, B and C",
 * "fields: `a`, `b`", "the keys are A and B"), a bulleted list of names right
 * after a line ending in "keys:" / "fields:", or a JSON skeleton whose
 * values are placeholders (`{"name": "...", "age": ...}`). Key names may be
 * snake_case, camelCase, quoted or backticked.
 *
 * Nothing is read when any text hedges ("keys such as", "for example",
 * "e.g.", "at least", "including", "among others", "etc.", "optional",
 * "other keys"), when it asks for several objects (an array, a list of,
 * each, per …), when a sentence introducing a list negates it ("do not
 * include the keys …"), or when two lists name different keys.
 */
export function findPromptKeys(texts: readonly string[]): PromptKeys | undefined {
  let keys: readonly string[] | undefined;
  const masked: string[] = [];
  for (const text of texts) {
    const specs = specsOf(text);
    for (const spec of specs) {
      if (NEGATION.test(text.slice(sentenceStart(text, spec.intro), spec.start))) return undefined;
      if (keys === undefined) keys = spec.keys;
      else if (keys.length !== spec.keys.length || !spec.keys.every((key) => keys?.includes(key))) return undefined;
    }
    masked.push(mask(text, specs));
  }
  // "Several objects" is checked without the key lists: a key may well be called "items" or "entries".
  if (keys === undefined || texts.some(hedged) || masked.some((text) => MANY.test(text))) return undefined;
  return { keys, masked };
}

/**
 * When line `lead` of a prompt introduces a key list or a JSON skeleton
 * (a bulleted list after "keys:", a list on the next line after "fields:",
 * a skeleton in the following block, fenced or not), the index of the last
 * line of that list; otherwise `undefined`. Used so that such a line is not
 * taken for the lead-in of the source text ("Return JSON with these keys:").
 */
export function keySpecEnd(lines: readonly string[], lead: number): number | undefined {
  const line = lines[lead] ?? '';
  const bullets = bulletKeyListAfter(lines, lead, 0);
  if (bullets !== undefined) return lead + bullets.keys.length;
  const next = lines[lead + 1];
  if (next !== undefined && /\b(?:keys|fields|properties|(?:key|field|property) names)\s*:\s*$/i.test(line)) {
    const start = line.length + 1 + (/^\s*/.exec(next)?.[0].length ?? 0);
    if (phraseKeyLists(`${line}\n${next}`).some((list) => list.start === start)) return lead + 1;
  }
  let first = lead + 1;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  if (first >= lines.length) return undefined;
  let last = first;
  if ((lines[first] as string).trim().startsWith('```')) {
    last = lines.findIndex((l, i) => i > first && l.trim() === '```');
    if (last === -1) return undefined;
  } else {
    while (last + 1 < lines.length && (lines[last + 1] as string).trim() !== '') last++;
  }
  return isJsonSkeleton(lines.slice(first, last + 1).join('\n')) ? last : undefined;
}
