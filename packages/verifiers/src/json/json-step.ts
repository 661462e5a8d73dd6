/**
 * The text form of one step of a JSON answer.
 *
 * - A member of a top-level object: `"key":value`, both written as compact
 *   JSON (`JSON.stringify`), so equal members always have equal text.
 * - The whole value, for answers whose root is not an object (an array, a
 *   string, ...): the compact JSON of that value.
 * - A placeholder `"key":` (no value): a key the new request needs that a
 *   cached answer has no value for. It never verifies, so it is regenerated.
 */
export type JsonStep =
  | { readonly kind: 'member'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'placeholder'; readonly key: string }
  | { readonly kind: 'value'; readonly value: unknown };

/** The step text of one member. */
export function memberStep(key: string, value: unknown): string {
  return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
}

/** The step text of a placeholder for `key`. */
export function placeholderStep(key: string): string {
  return `${JSON.stringify(key)}:`;
}

/** The step text of a whole (non-object) value. */
export function valueStep(value: unknown): string {
  return JSON.stringify(value);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads a step written by {@link memberStep}, {@link placeholderStep} or
 * {@link valueStep}; `undefined` for any other text. A member step never
 * parses as a JSON value on its own, which is what tells the kinds apart.
 */
export function parseStep(step: string): JsonStep | undefined {
  const whole = tryParse(step);
  if (whole.ok) return { kind: 'value', value: whole.value };
  if (step.endsWith(':')) {
    const key = tryParse(step.slice(0, -1));
    if (key.ok && typeof key.value === 'string') return { kind: 'placeholder', key: key.value };
  }
  const member = tryParse(`{${step}}`);
  if (!member.ok || typeof member.value !== 'object' || member.value === null) return undefined;
  const entries = Object.entries(member.value);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0] as [string, unknown];
  return { kind: 'member', key, value };
}

/** The key a member or placeholder step is about; `undefined` for whole values and unreadable steps. */
export function stepKey(step: string): string | undefined {
  const parsed = parseStep(step);
  return parsed === undefined || parsed.kind === 'value' ? undefined : parsed.key;
}
