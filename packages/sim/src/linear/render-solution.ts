import type Fraction from 'fraction.js';
import type { Rng } from '../random/rng';
import type { LinearSystem, Side } from './linear-equation';
import { ZERO } from './linear-equation';
import { MathFormatter } from './math-format';
import type { SolutionPlan, SolutionStep } from './solution-plan';

/** Layouts a small instruction-tuned model uses for worked solutions. */
export type SolutionStyle = 'numbered' | 'step-label' | 'markdown' | 'prose' | 'chain';

/** Ways to state the final answer. */
export type FinalFormat = 'final-answer' | 'answer-bold' | 'solution-is' | 'therefore' | 'answer-is';

/** All solution styles. */
export const SOLUTION_STYLES: readonly SolutionStyle[] = ['numbered', 'step-label', 'markdown', 'prose', 'chain'];

/** Final-answer formats that fit each style. */
export const FINAL_FORMATS: Readonly<Record<SolutionStyle, readonly FinalFormat[]>> = {
  numbered: ['final-answer', 'answer-bold', 'therefore'],
  'step-label': ['final-answer', 'therefore', 'answer-is'],
  markdown: ['answer-bold', 'final-answer'],
  prose: ['solution-is', 'therefore', 'answer-is'],
  chain: ['final-answer', 'answer-is'],
};

/** How to lay out one solution. */
export interface RenderOptions {
  style: SolutionStyle;
  final: FinalFormat;
  /** Restate the problem first (full answers) or not (continuations). */
  intro: boolean;
  /** Number of the first step written (continuations go on from the prefix). */
  startNumber: number;
  /** True when continuing someone else's steps (changes prose connectors). */
  continuing: boolean;
  /** Add a check line that substitutes the answer into the first equation. */
  check: boolean;
  /** Draws wording. */
  words: Rng;
}

/** Writes steps and the final answer as text in the chosen style. */
export function renderSolution(
  system: LinearSystem,
  plan: SolutionPlan,
  steps: readonly SolutionStep[],
  finalValues: readonly Fraction[],
  options: RenderOptions,
): string {
  const fmt = new MathFormatter(options.style === 'markdown' ? 'latex' : 'plain');
  const blocks: string[] = [];
  if (options.intro) blocks.push(intro(system, plan, fmt, options));
  const stepTexts = steps.map((step, i) => renderStep(step, i, steps.length, fmt, options));
  if (stepTexts.length > 0) blocks.push(stepTexts.join(options.style === 'numbered' || options.style === 'chain' ? '\n' : '\n\n'));
  if (options.check) blocks.push(checkLine(system, finalValues, fmt, options));
  blocks.push(finalLine(system, finalValues, fmt, options));
  return blocks.join('\n\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function joinMath(step: SolutionStep, fmt: MathFormatter): string {
  const lines = step.math(fmt);
  if (lines.length === 2 && step.joiner === 'so') return `${lines[0]}, so ${lines[1]}`;
  if (lines.length === 2) return `${lines[0]} and ${lines[1]}`;
  return lines.join(', ');
}

function renderStep(step: SolutionStep, index: number, total: number, fmt: MathFormatter, options: RenderOptions): string {
  const n = options.startNumber + index;
  const desc = capitalize(step.describe(fmt));
  switch (options.style) {
    case 'numbered':
      return `${n}. ${desc}: ${joinMath(step, fmt)}`;
    case 'step-label':
      return `Step ${n}: ${desc}.\n${step.math(fmt).join('\n')}`;
    case 'markdown':
      return `**Step ${n}.** ${desc}:\n${step
        .math(fmt)
        .map((m) => `\\[ ${m} \\]`)
        .join('\n')}`;
    case 'prose': {
      const connector =
        index === 0 && !options.continuing
          ? 'First,'
          : index === total - 1 && total > 1
            ? 'Finally,'
            : options.words.pick(['Next,', 'Then', 'After that,', 'Now']);
      return `${connector} ${lowerFirst(desc)}, which gives ${joinMath(step, fmt)}.`;
    }
    case 'chain':
      return step.chain(fmt).join('\n');
  }
}

function methodName(plan: SolutionPlan): string {
  return plan.method === 'substitution' ? 'substitution' : 'elimination';
}

function intro(system: LinearSystem, plan: SolutionPlan, fmt: MathFormatter, options: RenderOptions): string {
  const shown = system.sources;
  if (system.variables.length === 1) {
    const v = system.variables[0] as string;
    const eq = fmt.inline(shown[0] ?? '');
    if (options.style === 'chain') return shown[0] ?? '';
    return options.words.pick([
      `Let's solve ${eq} for ${fmt.inline(v)} step by step.`,
      `We want to find the value of ${fmt.inline(v)} that makes ${eq} true. To do that, we isolate ${fmt.inline(v)} on one side of the equation.`,
      `To solve ${eq}, we need to get ${fmt.inline(v)} by itself on one side of the equation.`,
    ]);
  }
  if (options.style === 'chain') return shown.join('\n');
  const list =
    fmt.style === 'latex'
      ? shown.map((e, i) => `\\[ ${e} \\quad (${i + 1}) \\]`).join('\n')
      : shown.map((e, i) => `(${i + 1}) ${e}`).join('\n');
  const vars = listWords(system.variables.map((v) => fmt.inline(v)));
  return options.words.pick([
    `We need to solve the system of equations:\n${list}\nI'll use the ${methodName(plan)} method to find ${vars}.`,
    `Let's solve this system step by step using ${methodName(plan)}:\n${list}`,
    `We are given the system\n${list}\nand need to find ${vars}. The ${methodName(plan)} method works well here.`,
  ]);
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function assignments(system: LinearSystem, values: readonly Fraction[], fmt: MathFormatter): string[] {
  return system.variables.map((v, i) => `${v} = ${fmt.num(values[i] ?? ZERO)}`);
}

function checkLine(system: LinearSystem, values: readonly Fraction[], fmt: MathFormatter, options: RenderOptions): string {
  const sides = system.sides[0];
  if (!sides) return '';
  const evaluate = (side: Side) => {
    const parts: string[] = [];
    let total = side.constant;
    side.coeffs.forEach((c, i) => {
      if (c.n === 0n) return;
      const value = values[i] ?? ZERO;
      total = total.add(c.mul(value));
      const product = c.abs().equals(1) ? fmt.operand(value) : fmt.times(c.abs(), value);
      parts.push(parts.length === 0 ? `${c.s < 0n ? '-' : ''}${product}` : `${c.s < 0n ? '-' : '+'} ${product}`);
    });
    if (parts.length > 0 && side.constant.n !== 0n) {
      parts.push(side.constant.s < 0n ? `- ${fmt.num(side.constant.neg())}` : `+ ${fmt.num(side.constant)}`);
    }
    return { text: parts.length > 0 ? `${parts.join(' ')} = ${fmt.num(total)}` : '', total };
  };
  const left = evaluate(sides.left);
  const right = evaluate(sides.right);
  const holds = left.total.equals(right.total);
  const math = [left.text, right.text].filter((t) => t !== '').map((t) => fmt.inline(t)).join(' and ');
  const tail = holds ? options.words.pick([', which matches.', '. ✓', ', as required.']) : '.';
  if (options.style === 'prose') return `We can check this in the first equation: ${math}${tail}`;
  if (options.style === 'markdown') return `*Check:* ${math}${tail}`;
  return `Check: ${math}${tail}`;
}

function finalLine(system: LinearSystem, values: readonly Fraction[], fmt: MathFormatter, options: RenderOptions): string {
  const assign = assignments(system, values, fmt);
  const inline = (text: string) => (fmt.style === 'latex' ? `\\( ${text} \\)` : text);
  switch (options.final) {
    case 'final-answer':
      return `Final answer: ${assign.join(', ')}`;
    case 'answer-bold':
      return `**Answer:** ${inline(assign.join(', '))}`;
    case 'solution-is':
      return system.variables.length === 1
        ? `So the solution is ${assign[0]}.`
        : `So the solution is (${values.map((v) => fmt.num(v)).join(', ')}).`;
    case 'therefore':
      return `Therefore, ${listWords(assign.map(inline))}.`;
    case 'answer-is':
      return `The answer is ${assign.join(', ')}.`;
  }
}
