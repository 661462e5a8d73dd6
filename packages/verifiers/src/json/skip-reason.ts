import type { JsonProblem } from './json-problem';

/**
 * Why a cached JSON answer must not be tried for a new request, or
 * `undefined`: another instruction (another task, or the same task asked
 * differently: another entity, another question), another root shape
 * (object vs array vs scalar), or a new schema that shares no key with the
 * cached one. Schemas inferred from the prompt's key list count as schemas,
 * and the key list itself is not part of the instruction compared (it reads
 * `[keys]`), so a request that only changed its key list is reused and
 * patched like a schema change.
 */
export function jsonSkipReason(cached: JsonProblem, next: JsonProblem): string | undefined {
  if (cached.parts.instruction !== next.parts.instruction) {
    const { kind: before } = cached.parts;
    const { kind: after } = next.parts;
    if (before !== undefined && after !== undefined && before !== after) {
      return `the request asks for another task (${after}; the cached answer was for ${before})`;
    }
    return 'the instruction changed, so values the cached answer derived from it may not hold';
  }
  // A request without a schema has no title or description, like a schema without them.
  const none = JSON.stringify([null, null]);
  if ((cached.schema?.annotation ?? none) !== (next.schema?.annotation ?? none)) {
    return "the schema's title or description changed";
  }
  if (cached.root !== 'any' && next.root !== 'any' && cached.root !== next.root) {
    return `the output shape changed (${next.root === 'object' ? 'an object' : 'a non-object value'} instead of ${cached.root === 'object' ? 'an object' : 'a non-object value'})`;
  }
  const before = cached.schema?.properties ?? [];
  const after = next.schema?.properties ?? [];
  if (before.length > 0 && after.length > 0 && !after.some((key) => before.includes(key))) {
    return next.inferredKeys === undefined
      ? 'the new schema shares no key with the cached one'
      : 'the prompt asks for keys the cached answer has none of';
  }
  return undefined;
}
