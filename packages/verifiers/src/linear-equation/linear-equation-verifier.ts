import { integerOption } from '../options/integer-option';
import { joinSteps, segmentSteps } from '../segmentation/segment-steps';
import type { StepContext, TaskInput, Verdict, Verifier } from '../verifier';
import { BoundedMemo } from './bounded-memo';
import { checkStep, isTrailingCheck } from './check-step';
import { detectLinearProblem } from './detect-linear-problem';
import { analyseText, type TextAnalysis } from './extract-equations';
import { valueClaims } from './final-answer';
import type { LinearProblem } from './linear-problem';
import type { NumericRule } from './numeric-rule';
import { buildPatchRequest, readPatchSteps } from './patch-prompt';
import { pairProblems, type ProblemPair } from './problem-pair';
import { reinstantiateConstants } from './reinstantiate-constants';
import { renameVariables } from './rename-variables';
import { variableMapping } from './variable-mapping';
import { writeSolution } from './write-solution';

/** Options of {@link linearEquationVerifier}. */
export interface LinearEquationVerifierOptions {
  /**
   * Most unknowns (and equations) in a system the verifier takes on; larger
   * systems are handled as free text. Integer from 1 to 6. Default: 3.
   */
  readonly maxUnknowns?: number;
  /**
   * Fewest decimals an inexact decimal must show to stand for an exact value
   * (`2.33` for 7/3; exact decimals such as `0.25` always count). Integer
   * from 1 to 12. Default: 2.
   */
  readonly minDecimals?: number;
  /**
   * Fewest significant digits an inexact decimal must show (so `0.00` never
   * stands for 1/300). Integer from 1 to 12. Default: 2.
   */
  readonly minSignificantDigits?: number;
  /**
   * Longest prompt read, in characters (UTF-16 code units); longer prompts
   * are handled as free text without being parsed. Integer ≥ 1. Default: 4000.
   */
  readonly maxPromptLength?: number;
  /**
   * Entries kept in each parse memo (one for prompts, one for steps), least
   * recently used evicted first. Integer ≥ 1. Default: 512.
   */
  readonly memoSize?: number;
}

/** Whether a line holds any math: an equation, or a number. */
function hasMath(analysis: TextAnalysis): boolean {
  return analysis.relations.length > 0 || analysis.unreadable.length > 0 || analysis.fragments.some((f) => f.literals.length > 0);
}

/**
 * Whether an answer ends with its final answer: some line states every
 * asked-for value, and every line with math after it is a worked check of the
 * solution (see `isTrailingCheck`); math-free closing prose may follow too.
 */
function endsWithFinalAnswer(answer: string, problem: LinearProblem, analyse: (text: string) => TextAnalysis): boolean {
  const lines = answer
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(analyse)
    .filter(hasMath);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] as TextAnalysis;
    const stated = new Set(valueClaims(line, problem).map((claim) => claim.variable));
    if (problem.asked.every((u) => stated.has(u))) return true;
    if (!isTrailingCheck(line, problem, lines.slice(0, i))) return false;
  }
  return false;
}

function excerpt(step: string): string {
  const flat = step.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * The verifier for linear equations and square linear systems (1 to
 * `maxUnknowns` unknowns, one exact solution).
 *
 * - `detect` reads the equations and the request's intent, conservatively
 *   (see `detectLinearProblem`).
 * - `verifyStep` evaluates every equation of a step at the exact solution and
 *   refuses prose whose numbers or variables do not belong to the problem.
 * - `verifyAnswer` also requires the answer to end with its final answer: a
 *   line stating every asked-for value, followed only by worked checks of
 *   the solution (variable-free arithmetic on the problem's numbers and the
 *   values found: "Check: 2(2) + 3 = 7") and math-free closing prose — a
 *   reader takes the last statement as the answer.
 * - `adapt` renames variables when the new system is the cached one under
 *   another naming, and re-derives the numbers of the cached steps when the
 *   new problem has the same structure with other constants (see
 *   `pairProblems` and `reinstantiateConstants`), so such a request can be
 *   served without a model call. Each rewritten step is checked against the
 *   new problem before it is offered; memoised per pair of problems.
 * - `fallback` writes an exact derivation by elimination.
 *
 * Parses are memoised (bounded LRU per verifier) and the hot paths use exact
 * rational arithmetic without nerdamer; nerdamer only cross-checks the
 * fallback's solution.
 *
 * @throws StepCacheError `INVALID_OPTION` when an option is out of range.
 */
export function linearEquationVerifier(options: LinearEquationVerifierOptions = {}): Verifier<LinearProblem> {
  const maxUnknowns = integerOption('linearEquationVerifier', options, 'maxUnknowns', 3, 1, 6);
  const rule: NumericRule = {
    minDecimals: integerOption('linearEquationVerifier', options, 'minDecimals', 2, 1, 12),
    minSignificantDigits: integerOption('linearEquationVerifier', options, 'minSignificantDigits', 2, 1, 12),
  };
  const maxPromptLength = integerOption('linearEquationVerifier', options, 'maxPromptLength', 4000, 1, Number.POSITIVE_INFINITY);
  const memoSize = integerOption('linearEquationVerifier', options, 'memoSize', 512, 1, Number.POSITIVE_INFINITY);

  // `null` records "not a linear problem" so misses are memoised too.
  const problems = new BoundedMemo<string, LinearProblem | null>(memoSize);
  const analyses = new BoundedMemo<string, TextAnalysis>(memoSize);
  const analyse = (text: string) => analyses.getOrCompute(text, analyseText);

  const verifyStep = (
    step: string,
    problem: LinearProblem,
    context: Pick<StepContext<LinearProblem>, 'previous' | 'source'>,
  ): Verdict => checkStep(analyse(step), problem, context.previous.map(analyse), rule, context.source);

  // Adaptations per (cached problem, new problem), then per cached answer: a hit on the same
  // cached entry for the same request re-derives nothing.
  const pairs = new WeakMap<LinearProblem, WeakMap<LinearProblem, { pair: ProblemPair | undefined; answers: BoundedMemo<string, string[]> }>>();
  const adaptation = (cached: LinearProblem, next: LinearProblem, mapping: ReadonlyMap<string, string>) => {
    let inner = pairs.get(cached);
    if (!inner) {
      inner = new WeakMap();
      pairs.set(cached, inner);
    }
    let entry = inner.get(next);
    if (!entry) {
      entry = { pair: pairProblems(cached, next, mapping), answers: new BoundedMemo(4) };
      inner.set(next, entry);
    }
    return entry;
  };

  return {
    task: 'linear-equation',
    patchMode: 'suffix',

    detect(input: TaskInput) {
      if (input.responseFormat.type !== 'text') return undefined;
      const problem = problems.getOrCompute(
        input.prompt,
        (prompt) => detectLinearProblem(prompt, { maxUnknowns, maxPromptLength }) ?? null,
      );
      return problem ?? undefined;
    },

    skipReason(cached, next) {
      if (cached.unknowns.length !== next.unknowns.length) {
        return `the cached problem has ${cached.unknowns.length} unknown(s) and the new one ${next.unknowns.length}`;
      }
      if (cached.method !== next.method) {
        return `the new request asks for ${next.method ?? 'any'} method, the cached one for ${cached.method ?? 'any'}`;
      }
      const added = next.instruction.filter((w) => !cached.instruction.includes(w));
      const dropped = cached.instruction.filter((w) => !next.instruction.includes(w));
      if (added.length > 0 || dropped.length > 0) {
        const words = [...added, ...dropped].map((w) => `"${w}"`).join(', ');
        return `the requests' instructions differ (${words}): the cached answer may not follow the new one`;
      }
      const mapping = variableMapping(cached, next);
      const cachedAsked = new Set(cached.asked.map((u) => mapping.get(u) ?? u));
      if (cachedAsked.size !== next.asked.length || next.asked.some((u) => !cachedAsked.has(u))) {
        return `the new request asks for ${next.asked.join(', ')}, the cached one for ${cached.asked.join(', ')}`;
      }
      return undefined;
    },

    segment: (answer) => segmentSteps(answer),
    join: (steps) => joinSteps(steps),

    adapt(steps, cached, next) {
      const mapping = variableMapping(cached, next);
      const renamed = mapping.size === 0 ? [...steps] : steps.map((step) => renameVariables(step, mapping));
      const { pair, answers } = adaptation(cached, next, mapping);
      const result = !pair
        ? renamed
        : answers.getOrCompute(renamed.join('\u0000'), () =>
            reinstantiateConstants(renamed, pair, {
              analyse,
              rule,
              verify: (step, previous) => checkStep(analyse(step), next, previous.map(analyse), rule, cached).ok,
            }),
          );
      return { steps: [...result], adapted: result.filter((step, i) => step !== steps[i]).length };
    },

    verifyStep,

    verifyAnswer(answer, problem) {
      const steps = segmentSteps(answer);
      if (steps.length === 0) return { ok: false, reason: 'the answer is empty' };
      for (let i = 0; i < steps.length; i += 1) {
        const step = steps[i] as string;
        const verdict = verifyStep(step, problem, { previous: steps.slice(0, i) });
        if (!verdict.ok) return { ok: false, reason: `step ${i + 1} ("${excerpt(step)}"): ${verdict.reason}` };
      }
      // The answer must end with its final answer: a line stating every asked-for value, followed
      // only by worked checks of the solution and closing chatter ("Hope this helps!").
      if (!endsWithFinalAnswer(answer, problem, analyse)) {
        const line = problem.asked.map((u) => `${u} = …`).join(', ');
        return { ok: false, reason: `the answer does not end with its final answer (a last line reading "${line}")` };
      }
      return { ok: true };
    },

    patchRequest: (args) => buildPatchRequest(args),
    readPatch: (output, args) => readPatchSteps(output, args, analyse),
    fallback: (problem) => writeSolution(problem),
  };
}
