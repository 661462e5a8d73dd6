import type { ErrorObject } from 'ajv';

/** One way a JSON value fails its schema. */
export interface SchemaIssue {
  /** JSON Pointer of the failing value, e.g. `/address/city`; `''` for the root. */
  readonly path: string;
  /** What is wrong, e.g. `must be integer (got "34")`. */
  readonly message: string;
}

const MAX_ISSUES = 12;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON Pointer with `key` appended. */
export function childPath(path: string, key: string): string {
  return `${path}/${escapeKey(key)}`;
}

function issueOf(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  const got = 'data' in error && error.data !== undefined ? ` (got ${short(error.data)})` : '';
  switch (error.keyword) {
    case 'required':
      return { path: childPath(error.instancePath, String(params.missingProperty)), message: 'is missing (required)' };
    case 'additionalProperties':
      return {
        path: childPath(error.instancePath, String(params.additionalProperty)),
        message: 'is not allowed (the schema has no such key)',
      };
    case 'enum':
      return {
        path: error.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => short(v)).join(', ')}${got}`,
      };
    case 'const':
      return { path: error.instancePath, message: `must be ${short(params.allowedValue)}${got}` };
    case 'type':
      return { path: error.instancePath, message: `must be ${String(params.type).replace(',', ' or ')}${got}` };
    default:
      return { path: error.instancePath, message: `${error.message ?? `fails "${error.keyword}"`}${got}` };
  }
}

/**
 * Ajv's errors as readable issues, with the offending value, deduplicated,
 * capped and sorted by path. `prefix` is prepended to every path (validating one key's value).
 */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined, prefix = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // anyOf/oneOf summaries repeat what their branches already said.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') {
      if (errors?.some((e) => e !== error && e.instancePath.startsWith(error.instancePath))) continue;
    }
    const issue = issueOf(error);
    const full = { path: `${prefix}${issue.path}`, message: issue.message };
    const key = `${full.path} ${full.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(full);
    if (issues.length === MAX_ISSUES) break;
  }
  // Sorted by path (stable), so messages read in document order whatever the keyword order was.
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Issues as one line: `/age must be integer (got "34"); /email is missing (required)`. */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  return issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path} ${issue.message}`).join('; ');
}
