import type { PatchArgs, PatchRequest } from '../verifier';
import { joinSteps, segmentSteps } from '../segmentation/segment-steps';
import type { TextAnalysis } from './extract-equations';
import { valueClaims } from './final-answer';
import type { LinearProblem } from './linear-problem';

const STEP_NUMBER = /^\s*(?:#{1,6}\s*)?(?:(?:\*\*|__)\s*)?(?:step\s*)?(\d{1,3})\s*[.):]/i;
const CHATTER =
  /^\s*(?:sure|certainly|of course|okay|ok|alright|great|got it|here(?:'s| is| are)|continuing|let(?:'s| us) continue|i(?:'ll| will) continue)\b/i;

/** The number a step is labelled with ("3." or "Step 3:"), if any. */
function stepNumber(step: string): number | undefined {
  const m = STEP_NUMBER.exec(step);
  return m ? Number(m[1]) : undefined;
}

/** A step reduced to its content, to recognise a model echoing a kept step. */
function echoKey(step: string): string {
  return step
    .replace(STEP_NUMBER, '')
    .replace(/^\s*[-*+•]\s+/, '')
    .replace(/\*\*|__|`|\\\(|\\\)|\\\[|\\\]|\$/g, '')
    .replace(/[\s.:;,]+/g, '')
    .toLowerCase();
}

function answerLine(problem: LinearProblem): string {
  return `Final answer: ${problem.unknowns.map((u) => `${u} = …`).join(', ')}`;
}

/**
 * The model call that regenerates everything from the first failing step:
 * the original question, the verified steps as the assistant's own partial
 * answer, and a short instruction to continue (or, with nothing kept, to
 * solve from the start). The rejected step's problem is named in plain
 * words; later attempts are told to check each operation. Instructions are
 * kept short on purpose: every patch call pays for them in input tokens.
 */
export function buildPatchRequest(args: PatchArgs<LinearProblem>): PatchRequest {
  const { problem, kept, rejected, attempt } = args;
  const reason = rejected[0]?.reason;
  const finish = `End with "${answerLine(problem)}" (exact fractions, not decimals).`;
  const firmer = attempt > 1 ? 'Check every operation.' : '';
  if (kept.length === 0) {
    const note = reason ? `A draft was rejected: ${reason}.` : '';
    const instruction = ['Solve step by step, one equation per step.', note, firmer, finish].filter((s) => s !== '').join(' ');
    return { messages: [{ role: 'user', content: `${args.input.prompt}

${instruction}` }] };
  }
  const numbers = kept.map(stepNumber).filter((n): n is number => n !== undefined);
  const from = numbers.length > 0 ? `from step ${Math.max(...numbers) + 1}` : 'from the next step';
  const instruction = [
    `Continue ${from}: the steps above are checked, so write only the remaining steps, one equation per step.`,
    reason ? `The next step of a draft was rejected: ${reason}.` : '',
    firmer,
    finish,
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    messages: [
      { role: 'user', content: args.input.prompt },
      { role: 'assistant', content: joinSteps(kept) },
      { role: 'user', content: instruction },
    ],
  };
}

/**
 * Turns the model's continuation into new steps, dropping leading steps that
 * are chatter ("Sure, continuing:") or repeat kept ones — word for word, or
 * restating only equations the kept steps already have, which is how a model
 * that restarts from step 1 begins. Prefix-stable like segmentation: whether
 * a step is dropped depends on that step alone, so a growing output only
 * ever changes its last step.
 *
 * @param analyse - reads the math of a text (the verifier's memoised analyser).
 */
export function readPatchSteps(
  output: string,
  args: PatchArgs<LinearProblem>,
  analyse: (text: string) => TextAnalysis,
): string[] {
  const steps = segmentSteps(output);
  const keptText = new Set(args.kept.map(echoKey));
  const keptRelations = new Set(args.kept.flatMap((step) => analyse(step).relations.map((r) => r.text)));
  const asked = args.problem.asked;
  const repeats = (step: string) => {
    if (keptText.has(echoKey(step))) return true;
    const analysis = analyse(step);
    const relations = analysis.relations;
    if (relations.length === 0 || !relations.every((r) => keptRelations.has(r.text))) return false;
    // A closing line that states every asked value ("Therefore, u = 32 and
    // v = 22") repeats values found in separate kept steps, yet it is the
    // final answer the kept steps lack.
    const stated = new Set(valueClaims(analysis, args.problem).map((claim) => claim.variable));
    return !asked.every((u) => stated.has(u));
  };
  let start = 0;
  while (start < steps.length) {
    const step = steps[start] as string;
    const chatter = CHATTER.test(step) && !step.includes('=');
    if (!chatter && !repeats(step)) break;
    start += 1;
  }
  return steps.slice(start);
}
