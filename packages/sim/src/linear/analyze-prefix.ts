import { findEquations } from './parse-equations';
import type { SolutionStyle } from './render-solution';

/** What a partial solution (the steps to continue from) looks like. */
export interface PrefixInfo {
  /** The layout it uses, so the continuation matches it. */
  style: SolutionStyle;
  /** Highest step number written (0 when unnumbered). */
  lastNumber: number;
  /** Number of steps it holds (numbered steps, or paragraphs/lines with an equation). */
  stepCount: number;
  /** Surface keys of every equation written in it (see {@link equationKeys}). */
  keys: Set<string>;
}

/** Surface keys (`lhs=rhs`, no spaces or `*`) of the equations in a text. */
export function equationKeys(text: string): string[] {
  return findEquations(text).map((c) => `${c.left}=${c.right}`.replace(/\s+/g, '').replace(/\*/g, ''));
}

/** Reads the layout, numbering and equations of a partial solution. */
export function analyzePrefix(text: string): PrefixInfo {
  const keys = new Set(text.split('\n').flatMap((line) => equationKeys(line)));
  const numbered = [...text.matchAll(/^\s*(\d+)[.)]\s/gm)].map((m) => Number(m[1]));
  if (numbered.length > 0) {
    return { style: 'numbered', lastNumber: Math.max(...numbered), stepCount: numbered.length, keys };
  }
  const labelled = [...text.matchAll(/^\s*(\*\*)?Step\s+(\d+)/gim)];
  if (labelled.length > 0) {
    const markdown = labelled.some((m) => m[1] === '**') || /\\\[|\\\(/.test(text);
    return {
      style: markdown ? 'markdown' : 'step-label',
      lastNumber: Math.max(...labelled.map((m) => Number(m[2]))),
      stepCount: labelled.length,
      keys,
    };
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const mathLines = lines.filter((l) => l.includes('='));
  const wordy = (line: string) => (line.match(/[A-Za-z]{3,}/g) ?? []).length >= 3;
  if (mathLines.length > 0 && mathLines.filter((l) => !wordy(l)).length >= mathLines.length * 0.7) {
    return { style: 'chain', lastNumber: 0, stepCount: mathLines.length, keys };
  }
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.includes('='));
  return { style: 'prose', lastNumber: 0, stepCount: paragraphs.length, keys };
}
