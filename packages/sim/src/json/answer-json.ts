import type { JSONSchema7 } from '@ai-sdk/provider';
import type { SimMessage } from '../engine/sim-request';
import type { Rng } from '../random/rng';
import { extractFacts } from './facts';
import type { FieldSpec } from './field-spec';
import { fieldsOfSchema } from './field-spec';
import { extractObject } from './extract-values';
import { withoutJson } from './json-blobs';
import type { JsonErrorRates } from './json-error-rates';
import { keysFromInstruction } from './key-list';
import { injectContentErrors, serializeWithErrors } from './render-json';

/** Result of a JSON answer. */
export interface JsonAnswer {
  text: string;
  /** Errors injected on purpose, for analysis. */
  injected: string[];
}

/** The text facts are read from: system and user messages, JSON blocks removed. */
export function sourceText(messages: readonly SimMessage[]): string {
  return messages
    .filter((m) => m.role === 'user' || m.role === 'system')
    .map((m) => withoutJson(m.text))
    .join('\n');
}

/**
 * The fields a JSON request asks for: the schema's properties, else the keys
 * its instruction names, else one per labelled fact in the text.
 */
export function requestedFields(messages: readonly SimMessage[], schema: JSONSchema7 | undefined): FieldSpec[] {
  if (schema && schema.properties) return fieldsOfSchema(schema).fields;
  const lastUser = [...messages].reverse().find((m) => m.role === 'user' || m.role === 'system');
  const keys = lastUser ? keysFromInstruction(lastUser.text) ?? keysFromInstruction(sourceText(messages)) : null;
  if (keys) return keys.map((key) => ({ key, types: [], required: true }));
  const facts = extractFacts(sourceText(messages));
  const seen = new Set<string>();
  return facts
    .map((f) => toCamel(f.label))
    .filter((key) => key !== '' && !seen.has(key) && (seen.add(key), true))
    .map((key) => ({ key, types: [], required: true }));
}

function toCamel(words: string[]): string {
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** Extracts the requested fields from the prompt and writes them as JSON, with the drawn errors. */
export function answerJson(messages: readonly SimMessage[], schema: JSONSchema7 | undefined, rng: Rng, rates: JsonErrorRates): JsonAnswer {
  const fields = requestedFields(messages, schema);
  const object = extractObject(fields, sourceText(messages));
  const errors = rng.fork('json-errors');
  const injected = injectContentErrors(object, fields, errors, rates);
  const { text, injected: formatErrors } = serializeWithErrors(object, errors, rates, rng.fork('json-look').chance(0.7));
  return { text, injected: [...injected, ...formatErrors] };
}
