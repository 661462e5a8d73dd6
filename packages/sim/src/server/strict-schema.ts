/** Where a schema breaks OpenAI's strict structured-output rules, and how. */
export interface StrictSchemaIssue {
  /** Dotted path of the offending schema, from the format's `schema`. */
  readonly at: string;
  readonly message: string;
}

const COMBINATORS = ['$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a response schema sent with `strict: true` against the rules a real
 * OpenAI endpoint enforces before it generates anything, so that a client
 * which would be refused there is refused here too: every schema names a
 * `type` (or is a `$ref`, `anyOf`, `enum` or `const`), and every object sets
 * `additionalProperties: false` and lists all its properties in `required`.
 * Returns the first issue, or `undefined` when the schema is accepted.
 */
export function strictSchemaIssue(schema: unknown, at = 'schema'): StrictSchemaIssue | undefined {
  if (!isObject(schema)) return { at, message: 'must be a JSON schema object' };
  if (schema.type === undefined && !COMBINATORS.some((key) => key in schema)) return { at, message: "schema must have a 'type' key" };
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object') && isObject(schema.properties)) {
    if (schema.additionalProperties !== false) return { at, message: "'additionalProperties' is required to be supplied and to be false" };
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(schema.properties).find((key) => !required.includes(key));
    if (missing !== undefined) return { at, message: `'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'` };
    for (const [key, child] of Object.entries(schema.properties)) {
      const issue = strictSchemaIssue(child, `${at}.properties.${key}`);
      if (issue) return issue;
    }
  }
  if (types.includes('array') && schema.items !== undefined) {
    const issue = strictSchemaIssue(schema.items, `${at}.items`);
    if (issue) return issue;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [i, child] of list.entries()) {
      const issue = strictSchemaIssue(child, `${at}.${key}[${i}]`);
      if (issue) return issue;
    }
  }
  for (const key of ['definitions', '$defs'] as const) {
    const table = schema[key];
    if (!isObject(table)) continue;
    for (const [name, child] of Object.entries(table)) {
      const issue = strictSchemaIssue(child, `${at}.${key}.${name}`);
      if (issue) return issue;
    }
  }
  return undefined;
}
