import type { Rng } from '../random/rng';
import type { FieldSpec } from './field-spec';
import type { JsonErrorRates } from './json-error-rates';

const EXTRA_KEYS: ReadonlyArray<readonly [string, unknown]> = [
  ['notes', 'Extracted from the provided text.'],
  ['confidence', 0.9],
  ['source', 'text'],
  ['extra_info', null],
];

/** Content errors: applies missing / extra / wrong-type keys to the object; returns the labels applied. */
export function injectContentErrors(
  object: Record<string, unknown>,
  fields: readonly FieldSpec[],
  rng: Rng,
  rates: Pick<JsonErrorRates, 'jsonMissingKey' | 'jsonExtraKey' | 'jsonWrongType'>,
): string[] {
  const injected: string[] = [];
  const missing = rng.chance(rates.jsonMissingKey);
  const extra = rng.chance(rates.jsonExtraKey);
  const wrongType = rng.chance(rates.jsonWrongType);
  const keys = Object.keys(object);
  if (missing && keys.length > 0) {
    const required = fields.filter((f) => f.required && f.key in object).map((f) => f.key);
    const pool = required.length > 0 ? required : keys;
    delete object[rng.pick(pool)];
    injected.push('missing-key');
  }
  if (extra) {
    const [key, value] = rng.pick(EXTRA_KEYS.filter(([k]) => !fields.some((f) => f.key === k)));
    object[key] = value;
    injected.push('extra-key');
  }
  if (wrongType) {
    const candidates = Object.keys(object).filter((k) => fields.some((f) => f.key === k));
    if (candidates.length > 0) {
      const key = rng.pick(candidates);
      object[key] = wrongTyped(object[key]);
      injected.push('wrong-type');
    }
  }
  return injected;
}

function wrongTyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : [value];
  if (Array.isArray(value)) return value.join(', ');
  if (value === null) return 'unknown';
  return JSON.stringify(value);
}

/** Format errors: serialises with syntax slips, code fences and prose as drawn; returns text and labels. */
export function serializeWithErrors(
  object: Record<string, unknown>,
  rng: Rng,
  rates: Pick<JsonErrorRates, 'jsonProse' | 'jsonCodeFence' | 'jsonSyntax'>,
  pretty: boolean,
): { text: string; injected: string[] } {
  const injected: string[] = [];
  const prose = rng.chance(rates.jsonProse);
  const fence = rng.chance(rates.jsonCodeFence);
  const syntax = rng.chance(rates.jsonSyntax);
  let text = pretty ? JSON.stringify(object, null, 2) : JSON.stringify(object);
  if (syntax && Object.keys(object).length > 0) {
    if (rng.chance(0.5)) {
      text = text.replace(/(\S)(\s*)\}$/, '$1,$2}');
      injected.push('trailing-comma');
    } else {
      text = text.replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => `'${inner.replace(/\\"/g, '"')}'`);
      injected.push('single-quotes');
    }
  }
  if (fence) {
    text = `\`\`\`json\n${text}\n\`\`\``;
    injected.push('code-fence');
  }
  if (prose) {
    const before = rng.pick(['Here is the JSON:', "Sure! Here's the extracted data:", 'Here is the requested JSON object:', 'Based on the text, the JSON is:']);
    const after = rng.chance(0.4) ? rng.pick(['\n\nLet me know if you need anything else.', '\n\nI hope this helps!']) : '';
    text = `${before}\n\n${text}${after}`;
    injected.push('prose');
  }
  return { text, injected };
}
