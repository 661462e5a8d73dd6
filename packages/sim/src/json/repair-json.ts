import type { JSONSchema7 } from '@ai-sdk/provider';
import type { SimMessage } from '../engine/sim-request';
import type { Rng } from '../random/rng';
import { sourceText } from './answer-json';
import { extractFacts } from './facts';
import type { FieldSpec, JsonType } from './field-spec';
import { fieldsOfSchema } from './field-spec';
import { coerce, extractField } from './extract-values';
import { findJsonBlobs, parseLooseObject } from './json-blobs';
import type { JsonErrorRates } from './json-error-rates';
import { injectContentErrors, serializeWithErrors } from './render-json';

/** True when the last user message asks to fix, repair or correct JSON. */
export function isRepairRequest(messages: readonly SimMessage[]): boolean {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return false;
  return /\b(fix|repair|correct)\b/i.test(last.text) && /json|schema|validation|error|invalid/i.test(last.text);
}

function brokenObject(messages: readonly SimMessage[]): Record<string, unknown> {
  for (const message of [...messages].reverse()) {
    const blobs = findJsonBlobs(message.text);
    for (const blob of blobs.reverse()) {
      const parsed = parseLooseObject(blob.text);
      // Skip schemas that the prompt quotes; the answer to fix is a plain object.
      if (parsed && !('properties' in parsed && 'type' in parsed)) return parsed;
    }
  }
  return {};
}

function quotedNames(text: string): string[] {
  return [...text.matchAll(/["'`]([A-Za-z_][\w]*)["'`]/g)].map((m) => m[1] as string);
}

/** Types named by validation errors such as `/age must be integer` or `"age" must be a number`. */
function typeHints(text: string): Map<string, JsonType[]> {
  const hints = new Map<string, JsonType[]>();
  const pattern = /[/"'`]([A-Za-z_]\w*)["'`]?\s+(?:must|should)\s+be\s+(?:an?\s+)?(integer|number|boolean|string|array|object)/gi;
  for (const m of text.matchAll(pattern)) hints.set(m[1] as string, [(m[2] as string).toLowerCase() as JsonType]);
  return hints;
}

function fitsType(value: unknown, types: readonly JsonType[]): boolean {
  if (types.length === 0) return value !== null && value !== undefined;
  return types.some((t) => {
    switch (t) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'null':
        return value === null;
    }
  });
}

/**
 * Answers "fix this JSON" requests: keeps the broken object's well-typed
 * values, re-extracts missing or mistyped ones from the source text, drops
 * keys the schema (or the error list) rules out. With probability
 * `jsonRepairFailure` one defect survives.
 */
export function repairJson(messages: readonly SimMessage[], schema: JSONSchema7 | undefined, rng: Rng, rates: JsonErrorRates): { text: string; injected: string[] } {
  const broken = brokenObject(messages);
  const instruction = [...messages].reverse().find((m) => m.role === 'user')?.text ?? '';
  let fields: FieldSpec[];
  if (schema?.properties) fields = fieldsOfSchema(schema).fields;
  else {
    const extra = /additional|extra|unexpected|not allowed/i.test(instruction) ? new Set(quotedNames(instruction.split('\n').filter((l) => /additional|extra|unexpected|not allowed/i.test(l)).join('\n'))) : new Set<string>();
    const missing = instruction
      .split('\n')
      .filter((l) => /missing|required/i.test(l))
      .flatMap((l) => quotedNames(l));
    const keys = [...new Set([...Object.keys(broken).filter((k) => !extra.has(k)), ...missing])];
    const hinted = typeHints(instruction);
    fields = keys.map((key) => ({ key, types: hinted.get(key) ?? [], required: true }));
  }
  const source = sourceText(messages);
  const facts = extractFacts(source);
  const fixed: Record<string, unknown> = {};
  for (const field of fields) {
    const current = broken[field.key];
    if (current !== undefined && fitsType(current, field.types)) {
      fixed[field.key] = current;
      continue;
    }
    const extracted = extractField(field, source, facts);
    if (extracted.found) fixed[field.key] = extracted.value;
    else if (current !== undefined && current !== null) fixed[field.key] = coerce(String(current), field, source);
    else fixed[field.key] = null;
  }
  const errors = rng.fork('repair-errors');
  const fails = errors.chance(rates.jsonRepairFailure);
  const zero = { jsonMissingKey: 0, jsonExtraKey: 0, jsonWrongType: 0, jsonProse: 0, jsonCodeFence: 0, jsonSyntax: 0 };
  const kind = errors.pick(['jsonMissingKey', 'jsonWrongType', 'jsonProse'] as const);
  const leftover = fails ? { ...zero, [kind]: 1 } : zero;
  const injected = injectContentErrors(fixed, fields, errors, leftover);
  const { text, injected: format } = serializeWithErrors(fixed, errors, leftover, true);
  return { text, injected: [...injected, ...format] };
}
