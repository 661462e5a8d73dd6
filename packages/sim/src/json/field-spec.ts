import type { JSONSchema7, JSONSchema7Definition } from '@ai-sdk/provider';

/** JSON types a field may take. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** One key the answer should have, read from a JSON Schema or from the prompt. */
export interface FieldSpec {
  /** The key. */
  key: string;
  /** Allowed JSON types (empty: unknown, inferred from the value found). */
  types: JsonType[];
  /** The schema's description of the key, used as extra words for matching. */
  description?: string;
  /** Allowed values, when the schema lists them. */
  enum?: unknown[];
  /** Whether the schema requires the key. */
  required: boolean;
  /** String format (`date`, `email`, ...). */
  format?: string;
  /** Item spec of an array field. */
  items?: FieldSpec;
  /** Sub-fields of an object field. */
  properties?: FieldSpec[];
}

/** Fields of an object schema, plus whether it allows keys it does not list. */
export interface ObjectSpec {
  fields: FieldSpec[];
  additionalProperties: boolean;
}

/** Reads the top-level fields of an object JSON Schema (local `$ref`s and nullable unions resolved). */
export function fieldsOfSchema(schema: JSONSchema7): ObjectSpec {
  return objectSpec(schema, schema);
}

function resolve(def: JSONSchema7Definition | undefined, root: JSONSchema7): JSONSchema7 {
  if (def === undefined || typeof def === 'boolean') return {};
  if (typeof def.$ref === 'string') {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(def.$ref);
    const bag = match?.[1] === '$defs' ? (root as { $defs?: Record<string, JSONSchema7Definition> }).$defs : root.definitions;
    const target = match && bag ? bag[match[2] as string] : undefined;
    return target && typeof target !== 'boolean' ? target : {};
  }
  return def;
}

function objectSpec(schema: JSONSchema7, root: JSONSchema7): ObjectSpec {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(properties).map(([key, def]) => fieldSpec(key, resolve(def, root), required.has(key), root));
  return { fields, additionalProperties: schema.additionalProperties !== false };
}

function fieldSpec(key: string, schema: JSONSchema7, required: boolean, root: JSONSchema7): FieldSpec {
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((d) => resolve(d, root));
  const main = variants.find((v) => v.type !== 'null') ?? schema;
  const types = new Set<JsonType>();
  for (const s of [schema, ...variants]) {
    const t = s.type;
    if (Array.isArray(t)) t.forEach((x) => types.add(x as JsonType));
    else if (typeof t === 'string') types.add(t as JsonType);
  }
  if (types.size === 0 && (main.enum ?? schema.enum)) types.add('string');
  const spec: FieldSpec = { key, types: [...types], required };
  const description = schema.description ?? main.description;
  if (description) spec.description = description;
  const values = schema.enum ?? main.enum;
  if (values) spec.enum = [...values];
  const format = schema.format ?? main.format;
  if (format) spec.format = format;
  if (types.has('array')) {
    const items = Array.isArray(main.items) ? main.items[0] : main.items;
    spec.items = fieldSpec(key, resolve(items as JSONSchema7Definition | undefined, root), true, root);
  }
  if (types.has('object') && main.properties) spec.properties = objectSpec(main, root).fields;
  return spec;
}

/** Splits a key into lower-case words: `fullName` / `full_name` / `full-name` → `full name`. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .toLowerCase()
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}
