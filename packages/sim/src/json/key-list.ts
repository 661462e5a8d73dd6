/**
 * Reads the keys a plain-text JSON request names ("Return JSON with keys
 * name, age and city", "fields: `name`, `age`"), or null when it names none.
 * Like a model, it follows the latest instruction: when the text names keys
 * more than once (a request, then "reply with only the keys "job", …"), the
 * last list counts, and a list of quoted names is read as just those names.
 */
export function keysFromInstruction(text: string): string[] | null {
  const matches = [...text.matchAll(/\b(?:keys|fields|properties|attributes)\b\s*(?:named|called|of)?\s*:?\s*([^\n.]*)/gi)];
  const match = matches[matches.length - 1];
  if (!match) return null;
  const quoted = [...(match[1] ?? '').matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].map((m) => m[1] as string);
  if (quoted.length > 0) return [...new Set(quoted)];
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
