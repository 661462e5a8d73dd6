/**
 * True when `after` is `before` with only lossless type changes of the kind
 * ajv's `coerceTypes: 'array'` makes and a model means by them: a one-item
 * array unwrapped to its item (`["Austin"]` → `"Austin"`), a scalar wrapped
 * in an array, a numeric string read as the number it spells (`"63"` → `63`),
 * `"true"`/`"false"` read as booleans. Coercions that invent data are
 * refused: `null` to `""`, `0` or `false`, booleans to numbers, an empty
 * string to `0` — and so is a number or boolean written as a string, since a
 * bare number where text is wanted (`"name": 7`) is a wrong value more often
 * than a mistyped one.
 */
export function isLosslessCoercion(before: unknown, after: unknown): boolean {
  if (Object.is(before, after)) return true;
  if (Array.isArray(before)) {
    if (Array.isArray(after)) {
      return before.length === after.length && before.every((item, i) => isLosslessCoercion(item, after[i]));
    }
    return before.length === 1 && isLosslessCoercion(before[0], after);
  }
  if (Array.isArray(after)) return after.length === 1 && isLosslessCoercion(before, after[0]);
  if (typeof before === 'string') {
    if (typeof after === 'number') return before.trim() !== '' && Number(before) === after;
    if (typeof after === 'boolean') return before === String(after);
    return false;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = Object.keys(before);
    return (
      keys.length === Object.keys(after).length && keys.every((key) => Object.hasOwn(after, key) && isLosslessCoercion(before[key], after[key]))
    );
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
