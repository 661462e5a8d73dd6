import type { KeySpec } from './key-names';
import { introducesKeys, isStopWord, readKeyList } from './key-names';

/** The nouns that introduce a key list. Singular forms are left out: "the key name" is ambiguous. */
const NOUN = /\b(?:keys|fields|properties|(?:key|field|property) names)\b/gi;

/** Verb + determiners right before the noun that make "… keys A, B and C" a list without a colon. */
const LEAD =
  /\b(?:with|containing|contains?|having|has|have|using|uses?|includes?|needs?|returns?|wants?|requires?)\s+(?:(?:exactly|only|just)\s+)?(?:(?:the|these|those|following|exact)\s+)*(?:(?:json|top-level|output)\s+)?$/i;

/** How the noun joins its list: a colon (the list may start on the next line), "named", "are", or a space. */
const CONNECTOR = /\s*:[ \t]*(\n[ \t]*)?|\s+(?:named|called)\s+|\s+are\b\s*:?\s*|[ \t]+/iy;
const CLAUSE_END = /\s*(?:$|[.,;:!?()\n])/y;
const NEXT_WORD = /\s+([A-Za-z]+)/y;
/** A parenthetical right after a list, followed by more of the list. */
const ANNOTATION_THEN_MORE = /^\s*\([^()\n]*\)\s*(?:,|&|\band\b)\s*[`'"A-Za-z_]/i;

/** What may follow a list of plain words: the end of the sentence or clause, or a preposition. */
function endsCleanly(text: string, end: number): boolean {
  CLAUSE_END.lastIndex = end;
  if (CLAUSE_END.test(text)) return true;
  NEXT_WORD.lastIndex = end;
  const word = NEXT_WORD.exec(text)?.[1];
  return word !== undefined && isStopWord(word);
}

/**
 * Key lists written inline in a sentence:
 * - "with (the) keys A, B and C", "containing the fields A and B",
 *   "with exactly the properties A, B, C" — plain words need at least two keys;
 * - "keys: A, B, C", "Use these fields: A and B", "The keys are A and B" —
 *   the list may start on the next line when it fills that line;
 * - "fields `a`, `b`", "the keys "name" and "age"" — quoted or backticked.
 *
 * The noun must mean the output's keys (see `introducesKeys`: not "API
 * keys: …" or "the form fields `a`, `b`"). A list of plain words must end the
 * sentence or clause (or be followed by a preposition: "… and email for this
 * text"), so "with the keys sorted alphabetically" is not read as a list; a
 * list cut short by a note in parentheses with more keys after it ("keys:
 * sentiment (positive/negative), confidence (0-1)") is not read either.
 * Returns every list found, in order.
 */
export function phraseKeyLists(text: string): KeySpec[] {
  const lists: KeySpec[] = [];
  for (const noun of text.matchAll(NOUN)) {
    if (!introducesKeys(text, noun.index)) continue;
    const after = noun.index + noun[0].length;
    CONNECTOR.lastIndex = after;
    const connector = CONNECTOR.exec(text);
    if (!connector) continue;
    const at = after + connector[0].length;
    const colon = connector[0].includes(':');
    const nextLine = connector[1] !== undefined;
    const before = text.slice(Math.max(0, noun.index - 80), noun.index);
    const are = /\bare\b/i.test(connector[0]);
    // "The keys are A and B", not "Which keys are present and valid".
    if (are && !/\b(?:the|its|whose|their)\s+$/i.test(before)) continue;
    const named = are || /named|called/i.test(connector[0]);
    const led = LEAD.test(before);
    const quotedOnly = !colon && !named && !led;
    const list = readKeyList(text, at, quotedOnly);
    if (list === undefined) continue;
    // "Keys: sentiment (positive/negative), confidence (0-1)": a note in parentheses cut the list
    // short, and more keys follow it. The whole list cannot be read, so none of it is.
    if (ANNOTATION_THEN_MORE.test(text.slice(list.end))) continue;
    if (!list.quoted) {
      if (!endsCleanly(text, list.end)) continue;
      if (!colon && list.keys.length < 2) continue;
    }
    // A list on the line after "keys:" must be the whole line.
    if (nextLine && !/^[ \t]*\.?[ \t]*(?:\n|$)/.test(text.slice(list.end))) continue;
    lists.push({ ...list, intro: noun.index });
  }
  return lists;
}
