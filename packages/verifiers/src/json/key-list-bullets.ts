import type { KeySpec } from './key-names';
import { introducesKeys, readKeyList } from './key-names';

/** A line that introduces a bulleted key list: it ends with "keys:", "the following fields:", … */
const LEAD_LINE = /\b(?:keys|fields|properties|(?:key|field|property) names)\s*:\s*$/i;
/** A bullet (`-`, `*`, `•`, `+`, `1.`, `1)`) and what follows it on the line. */
const BULLET = /^[ \t]*(?:[-*\u2022+]|\d{1,2}[.)])[ \t]+(.*)$/;

/**
 * A bulleted list of key names right after a line ending in "keys:" or
 * "fields:" (or "properties:"), one name per bullet and nothing else on the
 * line (a trailing `,`, `;` or `.` aside). A bullet with more than a name
 * (`- name: the full name`, `- age (in years)`) is not read: the text after
 * the name could say what the key means, and it would not be compared. The
 * list ends at the first line that is not a bullet.
 *
 * @param lines - the text, split at line breaks.
 * @param lead - index of the line that may introduce the list.
 * @param offset - offset of `lines[lead]` in the text, for the spans returned.
 * @returns the list (its span covers the bullet lines), or `undefined` when
 * `lines[lead]` does not introduce one.
 */
export function bulletKeyListAfter(lines: readonly string[], lead: number, offset: number): KeySpec | undefined {
  const line = lines[lead];
  const noun = line === undefined ? null : LEAD_LINE.exec(line);
  if (line === undefined || noun === null || !introducesKeys(line, noun.index)) return undefined;
  const keys: string[] = [];
  let quoted = true;
  let position = offset + line.length + 1;
  const start = position;
  let end = start;
  for (let i = lead + 1; i < lines.length; i++) {
    const text = lines[i] as string;
    const bullet = BULLET.exec(text);
    if (!bullet) break;
    const itemAt = text.length - (bullet[1] as string).length;
    const list = readKeyList(text, itemAt);
    if (list === undefined || list.keys.length !== 1 || !/^\s*[,;.]?\s*$/.test(text.slice(list.end))) return undefined;
    const key = list.keys[0] as string;
    if (keys.includes(key)) return undefined;
    keys.push(key);
    quoted &&= list.quoted;
    end = position + text.length;
    position += text.length + 1;
  }
  if (keys.length === 0) return undefined;
  const intro = offset + noun.index;
  return { keys, start, end, quoted, intro };
}

/** Every bulleted key list of `text` (see {@link bulletKeyListAfter}). */
export function bulletKeyLists(text: string): KeySpec[] {
  const lines = text.split('\n');
  const lists: KeySpec[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const list = bulletKeyListAfter(lines, i, offset);
    if (list !== undefined) lists.push(list);
    offset += line.length + 1;
  });
  return lists;
}
