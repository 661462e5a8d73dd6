import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import type { PatchArgs, PatchRequest } from '../verifier';
import type { JsonProblem } from './json-problem';
import { stepKey } from './json-step';
import { promptAsks } from './inferred-schema';
import type { WantedKey } from './wanted-keys';
import { evidenceType } from './type-evidence';
import { NEEDS_VALUE, wantedKeys } from './wanted-keys';

const CLEAN = 'JSON only, no prose or code fences.';

/**
 * The schema of a patch call: an object of only the wanted keys, with their
 * sub-schemas as the request's schema declares them, required where the
 * request's schema requires them, no other keys allowed. The root's
 * `definitions`/`$defs` and `$schema` are carried so `$ref`s still resolve.
 *
 * When the caller sent no schema (keys inferred from the prompt), a schema
 * is only made when every key has a type from the cached answer (type
 * evidence): an untyped property is refused by providers' strict modes
 * (OpenAI structured outputs with `strictJsonSchema`, the AI SDK default), so
 * the call then keeps the caller's plain JSON format; `undefined`.
 */
export function subSchema(problem: JsonProblem, keys: readonly string[]): JSONSchema7 | undefined {
  const compiled = problem.schema;
  if (compiled === undefined) return undefined;
  const root = compiled.schema;
  const declared = (compiled.schema.properties ?? {}) as Record<string, JSONSchema7Definition>;
  if (problem.inferredKeys !== undefined && !keys.every((key) => evidenceType(problem, key) !== undefined)) return undefined;
  // Built with fromEntries so that a key such as "__proto__" stays an ordinary property.
  const properties: Record<string, JSONSchema7Definition> = Object.fromEntries(
    keys.map((key) => {
      const own = (Object.hasOwn(declared, key) ? declared[key] : compiled.propertySchema(key)) ?? {};
      // An inferred key has no declared type; the type its value had in the cached answer is the best hint.
      const seen = problem.inferredKeys === undefined ? undefined : evidenceType(problem, key);
      return [key, seen === undefined || typeof own === 'boolean' ? own : { ...own, type: seen }];
    }),
  );
  return {
    ...(root.$schema === undefined ? {} : { $schema: root.$schema }),
    type: 'object',
    properties,
    required: keys.filter((key) => compiled.required.has(key)),
    additionalProperties: false,
    ...(root.definitions === undefined ? {} : { definitions: root.definitions }),
    ...(root.$defs === undefined ? {} : { $defs: root.$defs }),
  };
}

function keyList(wanted: readonly WantedKey[]): string {
  return wanted.map(({ key, note }) => `- ${JSON.stringify(key)}: ${note}`).join('\n');
}

/**
 * Builds the one call that regenerates what failed (strict structured
 * patching). When some keys verified, the model sees the original request
 * and a list of only the keys to return — each with the schema violation it
 * had, if any — and the call's response schema is the sub-schema of those
 * keys. Otherwise (nothing kept,
 * a non-object answer, or only whole-object problems) it asks for the whole
 * value again under the original response format, naming what was wrong —
 * or, when the schema was inferred from the prompt's key list, naming the
 * keys the prompt asks for (with the inferred schema only when every key is
 * typed; see {@link subSchema}).
 */
export function buildJsonPatchRequest(args: PatchArgs<JsonProblem>): PatchRequest {
  const { problem, input, kept, rejected, attempt } = args;
  const wanted = wantedKeys(args);
  const prompt = input.prompt;
  const partial = problem.root !== 'other' && kept.some((s) => stepKey(s) !== undefined);
  if (!partial || wanted.length === 0) {
    const problems = wanted.length > 0 ? `\n${keyList(wanted)}` : rejected.map((r) => r.reason).filter((r) => r !== '').slice(0, 3).join('; ');
    const note = problems === '' ? '' : `Your previous reply could not be used: ${problems}\n`;
    const inferred = problem.inferredKeys;
    if (inferred !== undefined && problem.schema !== undefined) {
      // The caller sent no schema; the inferred one goes with the call only when every key is typed.
      const ask = `Reply with one JSON object with exactly these keys and no others (${promptAsks(inferred)}). ${CLEAN}`;
      const schema = subSchema(problem, inferred);
      return { messages: [{ role: 'user', content: `${prompt}\n\n${note}${ask}` }], ...(schema === undefined ? {} : { schema }) };
    }
    const shape = problem.root === 'object' ? 'JSON object' : 'JSON value';
    return { messages: [{ role: 'user', content: `${prompt}\n\n${note}Reply with one ${shape} that follows the requested schema exactly. ${CLEAN}` }] };
  }
  const lead = attempt > 1 ? 'The previous reply still failed validation. ' : '';
  // Short on purpose: every token of a patch call is paid for again. The verified keys are not
  // shown (each wanted key is read from the request alone); only real faults are named.
  const schema = subSchema(
    problem,
    wanted.map((w) => w.key),
  );
  // Without a schema to carry them, the types seen in the cached answer go in the text.
  const typed = (key: string) => {
    const seen = schema === undefined && problem.inferredKeys !== undefined ? evidenceType(problem, key) : undefined;
    return seen === undefined ? JSON.stringify(key) : `${JSON.stringify(key)} (${seen})`;
  };
  const keys = wanted.map((w) => typed(w.key)).join(', ');
  const faults = wanted.filter((w) => w.note !== NEEDS_VALUE).map((w) => `${JSON.stringify(w.key)} ${w.note}`);
  const fix = faults.length === 0 ? '' : ` Fix: ${faults.join('; ')}.`;
  const instruction = `${lead}Reply with one JSON object with only the keys ${keys}, read from the request above.${fix} ${CLEAN}`;
  return {
    messages: [{ role: 'user', content: `${prompt}\n\n${instruction}` }],
    ...(schema === undefined ? {} : { schema }),
  };
}
