import { jsonrepair } from 'jsonrepair';

/** Spans of balanced `{…}` blocks in text (outermost only). */
export function findJsonBlobs(text: string): Array<{ start: number; end: number; text: string }> {
  const spans: Array<{ start: number; end: number; text: string }> = [];
  let depth = 0;
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (depth > 0 && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start, end: i + 1, text: text.slice(start, i + 1) });
    }
  }
  return spans;
}

/** Text with every JSON block (and code fences) removed, so facts come from prose only. */
export function withoutJson(text: string): string {
  let out = '';
  let last = 0;
  for (const span of findJsonBlobs(text)) {
    out += `${text.slice(last, span.start)}\n`;
    last = span.end;
  }
  return (out + text.slice(last)).replace(/```[a-z]*\n?/gi, '');
}

/** Parses a possibly broken JSON object (via jsonrepair); null when nothing usable. */
export function parseLooseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(jsonrepair(text));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
