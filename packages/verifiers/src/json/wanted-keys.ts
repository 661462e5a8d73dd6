import type { PatchArgs } from '../verifier';
import type { JsonProblem } from './json-problem';
import { parseStep, stepKey } from './json-step';
import { childPath, formatIssues } from './schema-issues';

/** The note of a key that has no value for the request yet (nothing wrong to name). */
export const NEEDS_VALUE = 'needs a value for this request';

/** A key a patch or repair call must fill, and what the model is told about it. */
export interface WantedKey {
  /** The top-level key. */
  readonly key: string;
  /**
   * Why it is asked for, safe to show the model: a schema violation of the
   * value it gave (`must be integer (got "34")`), `missing (required)` (for
   * a schema inferred from the prompt: `missing (the prompt asks for it)`), or
   * that it needs a value for this request. A cached value that was refused
   * because the source text changed is never quoted, so the model is not
   * nudged towards a stale value.
   */
  readonly note: string;
}

/**
 * The keys a patch call must return: every key of a failing or placeholder
 * step, and every required key the kept steps lack, in schema order (then in
 * the order they failed). Keys the kept steps already have are never asked
 * for again.
 */
export function wantedKeys(args: Pick<PatchArgs<JsonProblem>, 'problem' | 'kept' | 'rejected'>): WantedKey[] {
  const { problem } = args;
  const kept = new Set(args.kept.map(stepKey).filter((key): key is string => key !== undefined));
  const notes = new Map<string, string>();
  for (const { step } of args.rejected) {
    const parsed = parseStep(step);
    if (parsed === undefined || parsed.kind === 'value' || kept.has(parsed.key) || notes.has(parsed.key)) continue;
    const issues = parsed.kind === 'member' ? (problem.schema?.validateKey(parsed.key, parsed.value) ?? []) : [];
    const prefix = childPath('', parsed.key).length;
    const own = issues.map((issue) => ({ ...issue, path: issue.path.slice(prefix) }));
    notes.set(parsed.key, own.length > 0 ? formatIssues(own).replace(/(^|; )\(root\) /g, '$1') : NEEDS_VALUE);
  }
  const missing = problem.inferredKeys === undefined ? 'is missing (required)' : 'is missing (the prompt asks for it)';
  for (const key of problem.schema?.required ?? []) {
    if (!kept.has(key) && !notes.has(key)) notes.set(key, missing);
  }
  const order = problem.schema?.properties ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...notes.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([key, note]) => ({ key, note }));
}
