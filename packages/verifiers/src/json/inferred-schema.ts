import type { JSONSchema7 } from 'json-schema';
import type { SchemaIssue } from './schema-issues';

/**
 * The schema of a request without one whose prompt names its keys: an
 * object with exactly those keys, all required, no others
 * (`additionalProperties: false`), and no types — the prompt does not say
 * what the values are, so any JSON value is accepted for each key.
 */
export function inferredSchema(keys: readonly string[]): JSONSchema7 {
  // Built with fromEntries so that a key such as "__proto__" stays an ordinary property.
  const properties: Record<string, JSONSchema7> = Object.fromEntries(keys.map((key) => [key, {}]));
  return { type: 'object', properties, required: [...keys], additionalProperties: false };
}

function keyName(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** `fullName, email and job`: the keys as a prompt would list them. */
export function listKeys(keys: readonly string[]): string {
  const names = keys.map(keyName);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) as string}`;
}

/** `the prompt asks for the keys fullName, email and job` (or `the key name`). */
export function promptAsks(keys: readonly string[]): string {
  return `the prompt asks for the ${keys.length === 1 ? 'key' : 'keys'} ${listKeys(keys)}`;
}

/**
 * Schema issues reworded for a schema inferred from the prompt, to be
 * followed by {@link promptAsks}: a missing key "is missing", an extra one
 * "is not allowed" — not "required" by a schema the caller never wrote.
 */
export function promptIssues(issues: readonly SchemaIssue[]): SchemaIssue[] {
  return issues.map((issue) => {
    if (issue.message === 'is missing (required)') return { ...issue, message: 'is missing' };
    if (issue.message === 'is not allowed (the schema has no such key)') return { ...issue, message: 'is not allowed' };
    return issue;
  });
}
