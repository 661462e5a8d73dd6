/**
 * Reading a list of JSON key names as a prompt writes it: `name, age and
 * city`, `"name", "age"`, `` `full_name` & `email` ``. Shared by the
 * key-list patterns (phrases, bullets); see `prompt-keys.ts`.
 */

/** A list of key names read from a prompt. */
export interface KeyList {
  /** The keys, in the order written. */
  readonly keys: readonly string[];
  /** Offset in the text where the list starts. */
  readonly start: number;
  /** Offset just after the last key (its closing quote included). */
  readonly end: number;
  /** True when every key was quoted or backticked. */
  readonly quoted: boolean;
}

/** A key list found in a prompt, with where the words introducing it start. */
export interface KeySpec extends KeyList {
  /**
   * Offset of the word that introduces the list ("keys", "fields", the
   * opening brace of a skeleton): the sentence around it is checked for
   * hedges and negations.
   */
  readonly intro: number;
}

// Quoted with ASCII or typographic quotes, or backticked; no line breaks inside.
const QUOTED = /"([^"\n]{1,64})"|'([^'\n]{1,64})'|`([^`\n]{1,64})`|\u201c([^\u201d\n]{1,64})\u201d|\u2018([^\u2019\n]{1,64})\u2019/y;
// snake_case, camelCase or a plain word; not part of a hyphenated word or a possessive.
const BARE = /[A-Za-z_][A-Za-z0-9_]*(?![\w'\u2019-])/y;
const SEPARATOR = /\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/y;

/**
 * Words that cannot be a key in an English list: articles, prepositions,
 * pronouns and words about the output itself. A list holding one of them is
 * not a key list ("with the keys for the name", "keys such as").
 */
const STOP_WORDS = new Set(
  (
    'a an the and or nor but so yet for of from in on to with without by as at into onto about over under ' +
    'among between within via per such like ' +
    'this that these those it its their his her our your my which what who whom whose where when how than then ' +
    'following below above each every all any some other others more most etc eg ie only just also exactly ' +
    'json object objects key keys field fields property properties named called ' +
    'is are be been being was were should must may might can could will would shall do does did not no'
  ).split(' '),
);

/** True when `word` (unquoted) can be a key name in a list: not a stop word, not an adverb. */
export function plausibleKey(word: string): boolean {
  return !STOP_WORDS.has(word.toLowerCase()) && !/^[a-z]+ly$/.test(word);
}

/**
 * Words that may stand right before "keys"/"fields"/"properties" when they
 * mean the output's keys: determiners, counts, "JSON", "output", "required"
 * and the verbs that lead a list ("with", "containing", "fill", …). Any other
 * word makes them other keys ("API keys", "form fields", "primary keys").
 */
const BEFORE_NOUN = new Set(
  (
    'the these those following exact exactly only just all its whose their your json output response answer object ' +
    'top-level required two three four five six seven eight nine ten ' +
    'with containing contain contains having has have using use uses include includes need needs return returns ' +
    'want wants require requires fill give'
  ).split(' '),
);

/**
 * True when the noun at `at` ("keys", "fields", …) introduces the output's
 * keys: it starts its line or clause, or the word before it is one of the
 * determiners, counts and verbs that lead a key list.
 */
export function introducesKeys(text: string, at: number): boolean {
  const before = /([A-Za-z][\w-]*)[ \t]*$/.exec(text.slice(Math.max(0, at - 40), at));
  return before === null || BEFORE_NOUN.has((before[1] as string).toLowerCase());
}

/** True when `word` is a stop word (see {@link plausibleKey}). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

function readItem(text: string, at: number, quotedOnly: boolean): { key: string; end: number; quoted: boolean } | undefined {
  QUOTED.lastIndex = at;
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const key = quoted.slice(1).find((group) => group !== undefined) as string;
    // A quoted key with spaces at its ends is more likely a quotation than a name.
    if (key.trim() !== key || key === '') return undefined;
    return { key, end: QUOTED.lastIndex, quoted: true };
  }
  if (quotedOnly) return undefined;
  BARE.lastIndex = at;
  const bare = BARE.exec(text);
  if (!bare || !plausibleKey(bare[0])) return undefined;
  return { key: bare[0], end: BARE.lastIndex, quoted: false };
}

/**
 * Reads a list of key names starting exactly at `at`: items separated by
 * commas, `and` or `&`, English style (after an `and` only the last item
 * follows). Items are quoted/backticked names or plain identifiers (snake
 * or camel case) that are not stop words. Returns `undefined` when the text
 * at `at` is not such a list, when an item after a separator is not a key
 * (`name, age, and so on`), when a key repeats, or when it uses `or`.
 *
 * @param quotedOnly - accept only quoted or backticked items.
 */
export function readKeyList(text: string, at: number, quotedOnly = false): KeyList | undefined {
  const keys: string[] = [];
  let quoted = true;
  let item = readItem(text, at, quotedOnly);
  if (item === undefined) return undefined;
  let position = at;
  let last = false;
  for (;;) {
    if (keys.includes(item.key)) return undefined;
    keys.push(item.key);
    quoted &&= item.quoted;
    position = item.end;
    // After "and" only the last item follows: the list ends with it.
    if (last) break;
    SEPARATOR.lastIndex = position;
    const separator = SEPARATOR.exec(text);
    if (!separator) break;
    const next = readItem(text, SEPARATOR.lastIndex, quotedOnly);
    if (next === undefined) {
      // "name and age, for this text": a comma may end the list; anything else after a separator is not a key.
      if (/^\s*,\s*$/.test(separator[0])) break;
      return undefined;
    }
    last = /\band\b|&/.test(separator[0]);
    item = next;
  }
  const rest = text.slice(position);
  // "… and age and no other keys" closes the list; any other "and"/"or"/"etc." after it leaves it open.
  const closed = /^\s*,?\s*and\s+(?:no\s+others?\b|nothing\s+else\b)/i.test(rest);
  if (!closed && /^\s*,?\s*(?:(?:or|and|etc)\b|[&/]|\.\.\.|\u2026)/i.test(rest)) return undefined;
  // "name and age, city": more keys after the list's last item — not an English list.
  const comma = /^\s*,\s*/.exec(rest);
  if (comma && readItem(text, position + comma[0].length, quotedOnly) !== undefined) return undefined;
  return { keys, start: at, end: position, quoted };
}
