import type { Category } from './categories';
import { categoryOf } from './categories';
import { findByCategory, findDate } from './category-patterns';
import type { Fact } from './facts';
import { extractFacts, labelWords } from './facts';
import type { FieldSpec, JsonType } from './field-spec';
import { keyWords } from './field-spec';

const STOP = new Set(['the', 'a', 'an', 'of', 'is', 'has', 'have', 'in', 'on', 'for', 'to', 'and', 'or', 'with', 'number', 'num', 'value']);
const NEGATION = /\b(not|no|never|isn't|isnt|aren't|wasn't|doesn't|don't|didn't|hasn't|haven't|without|cancel(?:l?ed)?|inactive|unverified|unsubscribed)\b/i;

/** Result of extracting one field. */
export interface FieldValue {
  /** Whether the text gave a value for the field. */
  found: boolean;
  /** The value, coerced to the field's type (null when not found). */
  value: unknown;
}

/** Extracts every field from `source` into an object (fields not found become null). */
export function extractObject(fields: readonly FieldSpec[], source: string): Record<string, unknown> {
  const facts = extractFacts(source);
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field.key] = extractField(field, source, facts).value;
  return out;
}

function fieldWords(field: FieldSpec): string[] {
  return keyWords(field.key);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
}

/** Score of a fact label for a key: 3 same words, 2 same category, 1 shared content word. */
function labelScore(label: string[], words: string[], category: Category | null): number {
  if (label.join(' ') === words.join(' ')) return 3;
  const labelCategory = categoryOf(label);
  if (category && labelCategory === category) return 2;
  const content = words.filter((w) => !STOP.has(w) && w.length >= 3);
  if (content.length > 0 && content.every((w) => label.includes(w) || label.includes(`${w}s`) || label.includes(w.replace(/s$/, '')))) {
    return labelCategory && category && labelCategory !== category ? 0 : 1;
  }
  return 0;
}

/** Extracts one field: labelled facts first, then category patterns, then key-word patterns. */
export function extractField(field: FieldSpec, source: string, facts: Fact[] = extractFacts(source)): FieldValue {
  const words = fieldWords(field);
  const category = categoryOf(words) ?? formatCategory(field.format) ?? (field.description ? categoryOf(labelWords(field.description)) : null);
  const types = field.types;

  if (field.properties && types.includes('object')) {
    const value: Record<string, unknown> = {};
    let any = false;
    for (const sub of field.properties) {
      const r = extractField(sub, source, facts);
      any ||= r.found;
      value[sub.key] = r.value;
    }
    return { found: any, value };
  }

  let raw: string | null = null;
  let best = 0;
  for (const fact of facts) {
    const score = labelScore(fact.label, words, category);
    if (score > best) {
      best = score;
      raw = fact.value;
    }
  }
  if (best < 2 && category) {
    const near = sentences(source).filter((s) => words.some((w) => !STOP.has(w) && s.toLowerCase().includes(w)));
    const viaCategory = near.map((s) => findByCategory(category, s)).find((v) => v !== null) ?? findByCategory(category, source);
    if (viaCategory !== null && viaCategory !== undefined) raw = viaCategory;
  }
  if (raw === null && field.enum) raw = findEnum(field.enum, source, words);
  if (raw === null && (types.includes('number') || types.includes('integer'))) raw = findCount(words, source);
  if (raw === null && types.includes('boolean')) raw = findBoolean(words, source);
  if (raw === null && types.includes('array')) raw = findList(words, source);
  if (raw === null) return { found: false, value: null };
  const value = coerce(raw, field, source, words);
  return { found: value !== null, value };
}

function formatCategory(format: string | undefined): Category | null {
  if (format === 'date' || format === 'date-time') return 'date';
  if (format === 'email') return 'email';
  if (format === 'uri' || format === 'url') return 'url';
  return null;
}

function contentWords(words: string[]): string[] {
  return words.filter((w) => !STOP.has(w) && w !== 'is' && w.length >= 3);
}

function findEnum(values: unknown[], source: string, words: string[]): string | null {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const near = sentences(source).filter((s) => contentWords(words).some((w) => s.toLowerCase().includes(w)));
  for (const pool of [near, [source]]) {
    for (const text of pool) {
      const hit = strings.find((v) => new RegExp(`\\b${escape(v)}\\b`, 'i').test(text));
      if (hit) return hit;
    }
  }
  return null;
}

function findCount(words: string[], source: string): string | null {
  for (const w of contentWords(words)) {
    const stem = escape(w.replace(/s$/, ''));
    const before = new RegExp(`(\\d[\\d,]*(?:\\.\\d+)?)\\s+(?:[a-z-]+\\s+){0,3}?${stem}`, 'i').exec(source);
    if (before) return before[1] ?? null;
    const after = new RegExp(`${stem}s?\\s+(?:of|is|are|was|were|=|:|at)?\\s*(?:about\\s+)?\\$?(\\d[\\d,]*(?:\\.\\d+)?)`, 'i').exec(source);
    if (after) return after[1] ?? null;
  }
  return null;
}

function findBoolean(words: string[], source: string): string | null {
  const content = contentWords(words);
  if (content.length === 0) return null;
  const sentence = sentences(source).find((s) => content.some((w) => s.toLowerCase().includes(w.replace(/(ed|s)$/, ''))));
  if (!sentence) return null;
  return NEGATION.test(sentence) ? 'false' : 'true';
}

function findList(words: string[], source: string): string | null {
  for (const w of contentWords(words)) {
    const m = new RegExp(`${escape(w)}\\s+(?:include|includes|are|:|such as|like)\\s+([^.;\\n]+)`, 'i').exec(source);
    if (m) return m[1] ?? null;
  }
  return null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseNumber(text: string): number | null {
  const m = /-?\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (/^(yes|y|true|1|active|enabled|on)\b/.test(t)) return true;
  if (/^(no|n|false|0|inactive|disabled|off|none)\b/.test(t)) return false;
  return !NEGATION.test(t);
}

/** Converts extracted text to the field's JSON type. */
export function coerce(raw: string, field: FieldSpec, source = '', words: string[] = keyWords(field.key)): unknown {
  const types: JsonType[] = field.types.length > 0 ? field.types : inferTypes(raw);
  const text = raw.trim().replace(/^["']|["']$/g, '').replace(/[.,;]$/, '').trim();
  if (field.enum) {
    const strings = field.enum.filter((v): v is string => typeof v === 'string');
    const hit = strings.find((v) => new RegExp(`\\b${escape(v)}\\b`, 'i').test(text));
    if (hit) return hit;
    return findEnum(field.enum, source, words) ?? field.enum[0] ?? null;
  }
  if (types.includes('integer')) {
    const n = parseNumber(text);
    return n === null ? null : Math.round(n);
  }
  if (types.includes('number')) return parseNumber(text);
  if (types.includes('boolean')) return parseBoolean(text);
  if (types.includes('array')) {
    const items = text
      .split(/\s*(?:,|;|\band\b)\s*/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const item = field.items;
    return item ? items.map((s) => coerce(s, item, source)) : items;
  }
  // Dates are written the way a JSON Schema `date` expects: YYYY-MM-DD.
  if (field.format === 'date' || categoryOf(words) === 'date') return findDate(text) ?? text;
  return text;
}

function inferTypes(raw: string): JsonType[] {
  const t = raw.trim();
  if (/^-?\d[\d,]*(?:\.\d+)?$/.test(t)) return ['number'];
  if (/^(true|false|yes|no)$/i.test(t)) return ['boolean'];
  return ['string'];
}
