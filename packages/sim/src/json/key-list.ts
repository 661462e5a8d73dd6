/**
 * Reads the keys a plain-text JSON request names ("Return JSON with keys
 * name, age and city", "fields: `name`, `age`"), or null when it names none.
 */
export function keysFromInstruction(text: string): string[] | null {
  const match = /\b(?:keys|fields|properties|attributes)\b\s*(?:named|called|of)?\s*:?\s*([^\n.]*)/i.exec(text);
  if (!match) return null;
  const keys = (match[1] ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/,|\band\b|&|\//)
    .map((piece) =>
      piece
        .trim()
        .split(/\s+/)
        .map((k) => k.replace(/^["'`*]+|["'`*:]+$/g, ''))
        .find((k) => k !== '' && !/^(the|a|an|only|with|json|object|key|keys)$/i.test(k)) ?? '',
    )
    .filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
  return keys.length > 0 ? [...new Set(keys)] : null;
}
