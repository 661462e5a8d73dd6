import type { JSONSchema7 } from 'json-schema';
import { StepCacheError } from '../errors/stepcache-error';
import { BoundedMemo } from '../linear-equation/bounded-memo';
import { integerOption } from '../options/integer-option';
import type { StepContext, TaskInput, Verdict, Verifier } from '../verifier';
import type { CompiledSchema } from './compiled-schema';
import { compileSchema } from './compiled-schema';
import type { JsonProblem } from './json-problem';
import { memberStep, parseStep, placeholderStep } from './json-step';
import { inferredSchema, promptAsks, promptIssues } from './inferred-schema';
import { buildJsonPatchRequest } from './patch-request';
import { normaliseText, promptParts } from './prompt-parts';
import { reuseVerdict } from './reuse-rule';
import type { SchemaIssue } from './schema-issues';
import { formatIssues } from './schema-issues';
import { segmentJson } from './segment-json';
import { jsonSkipReason } from './skip-reason';
import { structuredOutputError } from './structured-output-error';
import { contradictsEvidence, recordTypeEvidence, unwrapByEvidence } from './type-evidence';
import { SourceIndex } from './value-support';

/** Options of {@link jsonVerifier}. */
export interface JsonVerifierOptions {
  /**
   * Model repair calls allowed after an answer failed the schema (after the
   * full generation on a miss, or after the patch call). The middleware uses
   * the smaller of this and its own `maxRepairs`. Integer from 0 to 3.
   * Default: 1 (one-shot repair).
   */
  readonly maxRepairs?: number;
  /**
   * Check `format` keywords (`date`, `date-time`, `email`, `uri`, `uuid`, ...)
   * with ajv-formats. Unknown formats are ignored. Default: `true`.
   */
  readonly validateFormats?: boolean;
  /**
   * Tokens (words or punctuation marks) before a literal value, on its line,
   * that must be the same in the new source text for the value to be reused
   * when the source text changed. Integer from 1 to 8. Default: 3.
   */
  readonly contextTokens?: number;
  /**
   * Entries kept in each memo (compiled schemas, parsed requests, segmented
   * answers), least recently used evicted first. Integer ≥ 1. Default: 256.
   */
  readonly memoSize?: number;
}

const fail = (reason: string): Verdict => ({ ok: false, reason });

/** Schema issues as one reason; for a schema inferred from the prompt, in the prompt's terms. */
function explain(problem: JsonProblem, issues: readonly SchemaIssue[]): string {
  const keys = problem.inferredKeys;
  return keys === undefined ? formatIssues(issues) : `${formatIssues(promptIssues(issues))} (${promptAsks(keys)})`;
}

/**
 * The verifier for structured output: requests whose response format is
 * JSON (`generateObject`, `streamObject`, `Output.object`, `Output.json`),
 * with or without a JSON Schema (zod schemas arrive as JSON Schema).
 *
 * - **Inferred schema**: a request without a schema whose instruction names
 *   its keys unambiguously ("with the keys A, B and C", "fields: `a`, `b`",
 *   a bulleted list after "keys:", a `{"a": "..."}` skeleton; see
 *   `findPromptKeys`) is checked against an object schema of exactly those
 *   keys, all required, no others, no types (`JsonProblem.inferredKeys`).
 *   Everything below then applies as with a request schema; the key list is
 *   masked out of the instruction compared for reuse, so a changed key list
 *   is a schema change, not another instruction.
 *
 * - **Steps** are the top-level keys of the answer object (a non-object
 *   answer is one step). The JSON is extracted from prose and code fences and
 *   repaired locally (trailing commas, single quotes, bare keys, a missing
 *   closing brace) without a model call; `join` writes clean compact JSON with
 *   the keys in the schema's order, then any others.
 * - **Validation** is ajv against the request's schema: each key against its
 *   sub-schema, the stitched object against the whole schema (required keys,
 *   types, enums, formats, `additionalProperties`). Keys the schema forbids
 *   are dropped; schemas are compiled once and memoised.
 * - **Reuse** across schema changes and input changes follows the rule in
 *   `reuseVerdict` (reuse-rule.ts): a cached key is kept only if it still
 *   validates, still means the same, and still holds for the new input — the
 *   same instruction, and either the same source text or a literal the new
 *   source states in the same context. Keys the new schema removed are
 *   dropped without a model call; missing or failing keys are requested in
 *   one patch call whose response schema is the sub-schema of just those keys.
 * - **Skip-reuse** when the instruction or the output shape changed (see
 *   `jsonSkipReason`).
 * - **Repair**: one model call that lists the failing keys and why
 *   (`maxRepairs`); if the answer still fails, the middleware throws this
 *   verifier's `StepCacheError` with code `STRUCTURED_OUTPUT_INVALID`, naming
 *   every failing path. There is no fallback: a wrong object is never served.
 *
 * @throws StepCacheError `INVALID_OPTION` when an option is out of range.
 */
export function jsonVerifier(options: JsonVerifierOptions = {}): Verifier<JsonProblem> {
  const maxRepairs = integerOption('jsonVerifier', options, 'maxRepairs', 1, 0, 3);
  const contextTokens = integerOption('jsonVerifier', options, 'contextTokens', 3, 1, 8);
  const memoSize = integerOption('jsonVerifier', options, 'memoSize', 256, 1, Number.POSITIVE_INFINITY);
  const validateFormats = options.validateFormats ?? true;
  if (typeof validateFormats !== 'boolean') {
    throw new StepCacheError({
      code: 'INVALID_OPTION',
      message: `jsonVerifier: option "validateFormats" must be a boolean, got ${String(validateFormats)}`,
      details: { option: 'validateFormats', value: validateFormats },
    });
  }

  // `null` records "ajv cannot compile this schema" so failures are memoised too.
  const schemas = new BoundedMemo<string, CompiledSchema | null>(memoSize);
  const problems = new BoundedMemo<string, JsonProblem | null>(memoSize);
  const segments = new BoundedMemo<string, string[]>(memoSize);
  const keys = new BoundedMemo<string, { key: string | null }>(memoSize * 8);
  const keyOf = (step: string): string | undefined =>
    keys.getOrCompute(step, (s) => {
      const parsed = parseStep(s);
      return { key: parsed === undefined || parsed.kind === 'value' ? null : parsed.key };
    }).key ?? undefined;

  const compile = (schema: JSONSchema7): CompiledSchema | undefined =>
    schemas.getOrCompute(JSON.stringify(schema), () => compileSchema(schema, validateFormats) ?? null) ?? undefined;

  const read = (input: TaskInput): JsonProblem | null => {
    if (input.responseFormat.type !== 'json') return null;
    const { schema, name, description } = input.responseFormat;
    let compiled: CompiledSchema | undefined;
    if (schema !== undefined) {
      compiled = compile(schema);
      if (compiled === undefined) return null;
    }
    // Without a schema, the keys the instruction names stand in for one.
    const parts = promptParts(input.prompt, [input.system ?? '', name ?? '', description ?? ''].join('\n'), { inferKeys: schema === undefined });
    const inferredKeys = schema === undefined ? parts.keys : undefined;
    if (inferredKeys !== undefined) compiled = compile(inferredSchema(inferredKeys));
    let index: SourceIndex | undefined;
    return {
      input,
      ...(compiled === undefined ? {} : { schema: compiled }),
      ...(inferredKeys === undefined || compiled === undefined ? {} : { inferredKeys }),
      root: compiled?.root ?? 'any',
      parts,
      sourceKey: normaliseText(parts.source),
      sourceIndex: () => (index ??= new SourceIndex(parts.source, contextTokens)),
    };
  };

  // Local type repair: a member the schema refuses only for its type (`["Austin"]` for a
  // string, `"63"` for an integer) is rewritten when a lossless coercion makes it valid. Without
  // a schema, the type a cached answer had (type evidence) may unwrap a one-item array.
  const coerceMembers = (steps: readonly string[], problem: JsonProblem): string[] => {
    const schema = problem.schema;
    if (schema === undefined) return [...steps];
    return steps.map((step) => {
      const parsed = parseStep(step);
      if (parsed?.kind !== 'member') return step;
      const { key, value } = parsed;
      const coerced = schema.coerceKey(key, value) ?? unwrapByEvidence(problem, key, value);
      return coerced === undefined ? step : memberStep(key, coerced);
    });
  };

  const join = (steps: readonly string[], problem: JsonProblem): string => {
    const members = new Map<string, string>();
    let whole: string | undefined;
    for (const step of steps) {
      const key = keyOf(step);
      if (key === undefined) {
        whole ??= parseStep(step)?.kind === 'value' ? step : undefined;
        continue;
      }
      if (!members.has(key) && parseStep(step)?.kind === 'member') members.set(key, step);
    }
    if (members.size === 0 && whole !== undefined) return whole;
    const order = problem.schema?.properties ?? [];
    const declared = order.filter((key) => members.has(key));
    const others = [...members.keys()].filter((key) => !order.includes(key));
    return `{${[...declared, ...others].map((key) => members.get(key) as string).join(',')}}`;
  };

  return {
    task: 'json',
    patchMode: 'subset',
    judgesSchema: true,
    maxRepairs,

    detect(input) {
      if (input.responseFormat.type !== 'json') return undefined;
      const { schema, name, description } = input.responseFormat;
      const key = JSON.stringify([input.prompt, input.system ?? '', name ?? '', description ?? '', schema ?? null]);
      return problems.getOrCompute(key, () => read(input)) ?? undefined;
    },

    skipReason: jsonSkipReason,

    segment(answer, problem) {
      // Only answers that look finished are memoised (cached answers are re-segmented on every
      // hit); the growing prefixes of a stream would only crowd them out.
      if (!/[}\]`]\s*$/.test(answer)) return coerceMembers(segmentJson(answer, problem.root), problem);
      return coerceMembers(
        segments.getOrCompute(`${problem.root}\u0000${answer}`, () => segmentJson(answer, problem.root)),
        problem,
      );
    },

    join,

    streamJoin(steps, problem, final) {
      const members = steps.filter((step) => keyOf(step) !== undefined && parseStep(step)?.kind === 'member');
      // A whole non-object value is one step: it can only come whole.
      if (members.length === 0 || problem.root === 'other') return final ? join(steps, problem) : '';
      const seen = new Set<string>();
      const unique = members.filter((step) => {
        const key = keyOf(step) as string;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return `{${unique.join(',')}${final ? '}' : ''}`;
    },

    adapt(steps, cached, next) {
      const schema = next.schema;
      if (schema === undefined || next.root !== 'object') return { steps: [...steps], adapted: 0 };
      if (next.inferredKeys !== undefined && cached.inferredKeys !== undefined) {
        const members = new Map<string, unknown>();
        for (const step of steps) {
          const parsed = parseStep(step);
          if (parsed?.kind === 'member') members.set(parsed.key, parsed.value);
        }
        recordTypeEvidence(next, members);
      }
      const present = new Set(steps.map(keyOf));
      const sameInput = cached.parts.instruction === next.parts.instruction && cached.sourceKey === next.sourceKey;
      // An optional key the cached answer left out is left out again only if the model made that
      // choice for this very input and schema key; otherwise it is asked for.
      const wanted = schema.properties.filter(
        (key) =>
          !present.has(key) &&
          (schema.required.has(key) ||
            !(sameInput && cached.schema?.properties.includes(key) === true && cached.schema.meaning(key) === schema.meaning(key))),
      );
      return { steps: [...steps, ...wanted.map(placeholderStep)], adapted: 0 };
    },

    verifyStep(step, problem, context: StepContext<JsonProblem>) {
      const parsed = parseStep(step);
      if (parsed === undefined) return fail('the step is not a JSON member or value');
      if (parsed.kind === 'placeholder') return fail(`"${parsed.key}" has no value for this request yet`);
      const { schema, root } = problem;
      if (parsed.kind === 'value') {
        if (root === 'object') return fail('the answer must be a JSON object');
        const issues = schema?.validate(parsed.value) ?? [];
        if (issues.length > 0) return fail(explain(problem, issues));
        return context.source ? reuseVerdict(undefined, parsed.value, context.source, problem) : { ok: true };
      }
      const { key, value } = parsed;
      if (root === 'other') return fail(`the answer must be a JSON ${String(schema?.schema.type)}, not an object`);
      if (context.previous.some((p) => keyOf(p) === key)) return { ok: false, reason: `"${key}" appears twice`, drop: true };
      if (schema !== undefined && schema.properties.length > 0 && !schema.properties.includes(key)) {
        const inferred = problem.inferredKeys;
        if (context.source) {
          return { ok: false, reason: inferred ? `the prompt no longer asks for "${key}"` : `the schema no longer has "${key}"`, drop: true };
        }
        if (schema.closed) {
          return { ok: false, reason: inferred ? `"${key}" is not wanted (${promptAsks(inferred)})` : `"${key}" is not in the schema`, drop: true };
        }
      }
      const issues = schema?.validateKey(key, value) ?? [];
      if (issues.length > 0) return fail(explain(problem, issues));
      const contradiction = contradictsEvidence(problem, key, value);
      if (contradiction !== undefined) return fail(contradiction);
      return context.source ? reuseVerdict(key, value, context.source, problem) : { ok: true };
    },

    verifyAnswer(answer, problem) {
      let value: unknown;
      try {
        value = JSON.parse(answer);
      } catch {
        return fail('the answer is not clean JSON text (prose, code fences or syntax errors around the value)');
      }
      if (problem.root === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
        return fail('the answer must be a JSON object');
      }
      const issues = problem.schema?.validate(value) ?? [];
      if (issues.length > 0) return fail(explain(problem, issues));
      if (problem.inferredKeys !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [key, member] of Object.entries(value)) {
          const contradiction = contradictsEvidence(problem, key, member);
          if (contradiction !== undefined) return fail(contradiction);
        }
      }
      return { ok: true };
    },

    patchRequest: (args) => buildJsonPatchRequest(args),

    readPatch(output, args) {
      const kept = new Set(args.kept.map(keyOf));
      return coerceMembers(segmentJson(output, args.problem.root), args.problem).filter((step) => {
        const key = keyOf(step);
        return key === undefined || !kept.has(key);
      });
    },

    stepName: (step) => keyOf(step),

    failure: (args) => structuredOutputError(args, (steps) => join(steps, args.problem)),
  };
}
