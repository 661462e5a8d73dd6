import { StepCacheError } from '../errors/stepcache-error';
import type { FailureArgs } from '../verifier';
import type { JsonProblem } from './json-problem';
import { parseStep, stepKey } from './json-step';
import { promptAsks, promptIssues } from './inferred-schema';
import type { SchemaIssue } from './schema-issues';
import { childPath, formatIssues } from './schema-issues';

/** What failed, path by path, once the repair bound is reached. */
export function failureIssues(args: FailureArgs<JsonProblem>, join: (steps: readonly string[]) => string): SchemaIssue[] {
  const { problem } = args;
  const issues: SchemaIssue[] = [];
  const add = (issue: SchemaIssue) => {
    if (!issues.some((i) => i.path === issue.path && i.message === issue.message)) issues.push(issue);
  };
  for (const { step, reason } of args.rejected) {
    const parsed = step === '' ? undefined : parseStep(step);
    if (parsed === undefined) {
      if (step !== '') add({ path: '', message: 'the reply could not be read as JSON' });
      continue;
    }
    if (parsed.kind === 'placeholder') add({ path: childPath('', parsed.key), message: 'has no value' });
    else if (parsed.kind === 'value') (problem.schema?.validate(parsed.value) ?? []).forEach(add);
    else {
      const own = problem.schema?.validateKey(parsed.key, parsed.value) ?? [];
      if (own.length > 0) own.forEach(add);
      else add({ path: childPath('', parsed.key), message: reason });
    }
  }
  const kept = new Set(args.kept.map(stepKey));
  for (const key of problem.schema?.required ?? []) {
    const path = childPath('', key);
    if (!kept.has(key) && !issues.some((i) => i.path === path || i.path.startsWith(`${path}/`))) add({ path, message: 'is missing (required)' });
  }
  if (issues.length === 0 && args.kept.length > 0 && problem.schema) {
    try {
      problem.schema.validate(JSON.parse(join(args.kept))).forEach(add);
    } catch {
      // join always writes JSON; nothing to add if it somehow did not.
    }
  }
  if (issues.length === 0) {
    const reason = args.rejected.find((r) => r.reason !== '')?.reason ?? 'no JSON value could be read from the reply';
    add({ path: '', message: reason });
  }
  return issues;
}

/**
 * The `STRUCTURED_OUTPUT_INVALID` error: the model's JSON still failed the
 * schema after local repair and the model repair call(s). The message lists
 * every failing path and why; `details` carries `task`, `paths`, `issues`
 * (`{ path, message }`), `keptKeys` and `modelCalls` — and, when the schema
 * was inferred from the prompt's key list, `inferredKeys`, with the message
 * saying "the prompt asks for the keys …" instead of naming a schema.
 */
export function structuredOutputError(args: FailureArgs<JsonProblem>, join: (steps: readonly string[]) => string): StepCacheError {
  const inferred = args.problem.inferredKeys;
  const found = failureIssues(args, join);
  const issues = inferred === undefined ? found : promptIssues(found);
  const paths = [...new Set(issues.map((i) => i.path))];
  const target = inferred === undefined ? 'JSON that fits the response schema' : 'JSON that has the keys the prompt asks for';
  const why = inferred === undefined ? '' : ` (${promptAsks(inferred)})`;
  return new StepCacheError({
    code: 'STRUCTURED_OUTPUT_INVALID',
    message: `StepCache could not produce ${target} after ${args.modelCalls} model call(s): ${formatIssues(issues)}${why}`,
    details: {
      task: 'json',
      paths,
      issues,
      keptKeys: args.kept.map(stepKey).filter((k): k is string => k !== undefined),
      modelCalls: args.modelCalls,
      ...(inferred === undefined ? {} : { inferredKeys: [...inferred] }),
    },
  });
}
