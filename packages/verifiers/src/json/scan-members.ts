/** One top-level member of an object's text, as written (possibly malformed). */
export interface MemberText {
  /** The member's text between separators, e.g. ` "age": 34`. */
  readonly text: string;
  /**
   * True when the member is known to be whole: a separator or the object's
   * closing brace follows it, or the text ended right after a value that is
   * itself closed (a string, a bracketed value or a bare token).
   */
  readonly complete: boolean;
}

/**
 * Splits the text of an object (starting at its `{`) into its top-level
 * members, tolerating what models get wrong: single-quoted strings, bare
 * keys, trailing commas, a missing closing brace. Nested values are kept
 * whole. A member is fixed once the separator after it is seen, so the split
 * is prefix-stable: more text only ever changes the last member.
 *
 * The last member of an object whose text ends early is complete only when
 * every string and bracket in it is closed — a value cut inside a string or
 * a nested array is incomplete, never repaired into a shorter value.
 */
export function scanMembers(objectText: string): MemberText[] {
  const members: MemberText[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 1;
  for (let i = 0; i < objectText.length; i += 1) {
    const ch = objectText[i] as string;
    if (quote !== undefined) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) {
        members.push({ text: objectText.slice(start, i), complete: true });
        return members.filter((m) => m.text.trim() !== '');
      }
    } else if (ch === ',' && depth === 1) {
      members.push({ text: objectText.slice(start, i), complete: true });
      start = i + 1;
    }
  }
  const tail = objectText.slice(start);
  // The text ended inside the object: the tail is whole only if nothing in it is still open.
  const closed = quote === undefined && depth === 1 && /:\s*\S/.test(tail);
  members.push({ text: tail, complete: closed });
  return members.filter((m) => m.text.trim() !== '');
}
