/**
 * Generic step segmentation for model answers written as Markdown/LaTeX text.
 *
 * A step is one of:
 * - a numbered or bulleted list item, with its continuation lines (indented,
 *   or directly following) and the display math inside it;
 * - a "Step N" section ("Step 1:", "**Step 1: …**", "### Step 1"), with every
 *   block up to the next item, section or concluding paragraph ("So, …",
 *   "Therefore …", "Final answer …");
 * - a lead-in line ending in ":" together with the display math or the line
 *   right after it;
 * - a display-math block (`\[ … \]`, `$$ … $$`, `\begin … \end`) or code fence
 *   standing alone;
 * - otherwise one line of a paragraph (hard-wrapped prose lines are rejoined),
 *   split further into sentences.
 */

type UnitKind = 'item' | 'section' | 'heading' | 'display' | 'text';

/** One line, or the lines of one display block; `first`/`last` are line indices (inclusive). */
interface Unit {
  readonly kind: UnitKind;
  readonly first: number;
  readonly last: number;
  readonly indent: number;
}

interface Block {
  kind: UnitKind;
  first: number;
  /** Last line of the block; never a blank one. */
  last: number;
  indent: number;
  sawBlank: boolean;
  /**
   * Line index just after the leading prose lines, which are split into
   * sentences (text blocks only; `first` otherwise). Lines after them (a
   * display, or the line after a lead-in colon) stay with the last sentence.
   */
  proseEnd: number;
}

const ITEM = /^\s*(?:[-*+•◦▪‣]\s+|\d{1,3}[.)]\s+|\(\d{1,3}\)\s+)\S/;
// Patterns that start a step need the character after their keyword, so a line still being
// streamed ("So", "Step 1") never starts a step that its completion ("Solve", "Step 1a") would not.
// No two whitespace runs may meet (`\s*…\s*` with only optional text between backtracks quadratically).
const SECTION = /^\s*(?:#{1,6}\s*)?(?:(?:\*\*|__)\s*)?step\s*\d+(?=[^\w])/i;
const HEADING = /^\s*#{1,6}\s+\S/;
const CONCLUSION =
  /^\s*(?:(?:\*\*|__)\s*)?(?:so|thus|therefore|hence|finally|in conclusion|final answer|the (?:final )?(?:answer|solution)|answer|solution)(?=[^A-Za-z])/i;
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|eq|eqs|eqn|resp|cf|fig)\.$/i;

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].replace(/\t/g, '    ').length : 0;
}

const DISPLAY_OPENERS = ['\\[', '$$', '```', '\\begin{'];

/** Where a display block opened on this line closes, or `undefined` when it is not a display opener. */
function displayCloser(trimmed: string): RegExp | undefined {
  if (trimmed.startsWith('\\[')) return /\\\]/;
  if (trimmed.startsWith('$$')) return /\$\$/;
  if (trimmed.startsWith('```')) return /```/;
  const env = /^\\begin\{([^}]+)\}/.exec(trimmed);
  if (env) return new RegExp(`\\\\end\\{${(env[1] as string).replace(/[*]/g, '\\*')}\\}`);
  return undefined;
}

/**
 * A line that is only the start of a display opener (`\`, `$`, `\beg`): it
 * may be a display still being streamed, so it is placed as one.
 */
function mayOpenDisplay(trimmed: string): boolean {
  return DISPLAY_OPENERS.some((opener) => opener.startsWith(trimmed) || (opener === '\\begin{' && /^\\begin\{[^}]*$/.test(trimmed)));
}

function toUnits(lines: readonly string[]): (Unit | 'blank')[] {
  const units: (Unit | 'blank')[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === '') {
      units.push('blank');
      continue;
    }
    const first = i;
    const closer = displayCloser(trimmed);
    if (closer) {
      const opener = trimmed.startsWith('\\begin') ? 0 : trimmed.startsWith('```') ? 3 : 2;
      let closed = closer.test(trimmed.slice(opener));
      while (!closed && i + 1 < lines.length) {
        i += 1;
        closed = closer.test(lines[i] as string);
      }
      // An unclosed display (still streaming) ends at its last non-blank line.
      let last = i;
      while (last > first && (lines[last] as string).trim() === '') last -= 1;
      units.push({ kind: 'display', first, last, indent: indentOf(line) });
      continue;
    }
    const kind: UnitKind = mayOpenDisplay(trimmed)
      ? 'display'
      : SECTION.test(line)
        ? 'section'
        : ITEM.test(line)
          ? 'item'
          : HEADING.test(line)
            ? 'heading'
            : 'text';
    units.push({ kind, first, last: i, indent: indentOf(line) });
  }
  return units;
}

/** Whether a line would start a list item, a "Step N" section or a heading. */
function opensStep(line: string): boolean {
  return ITEM.test(line) || SECTION.test(line) || HEADING.test(line);
}

/**
 * A paragraph line that continues the previous one (hard-wrapped prose),
 * rather than starting a new step: the previous line does not end a sentence
 * or hold an equation, and this one starts in lower case. Only the line's
 * first character counts, so the answer cannot change while it streams.
 */
function continuesProse(previous: string, line: string): boolean {
  if (/[.!?:]$/.test(previous) || previous.includes('=')) return false;
  return /^[a-z(]/.test(line.trim());
}

/** Offsets (within `text`) where sentences end, excluding the end of the text. */
function sentenceEnds(text: string): number[] {
  // Math regions (also one still open at the end) are masked so their periods never split a sentence.
  const masked = text.replace(/\\\([\s\S]*?(?:\\\)|$)|\$[^$]*(?:\$|$)/g, (m) => 'M'.repeat(m.length));
  const ends: number[] = [];
  // The boundary looks at one character past the spaces, so it never depends on text after it.
  const boundary = /[.!?](?:\*\*|__)?(?=\s+[A-Z\\$*])/g;
  let start = 0;
  for (let match = boundary.exec(masked); match; match = boundary.exec(masked)) {
    const end = match.index + match[0].length;
    if (ABBREVIATIONS.test(masked.slice(Math.max(start, end - 8), end))) continue;
    ends.push(end);
    start = end;
  }
  return ends;
}

/**
 * Splits an answer into ordered steps (see the module comment for what a
 * step is). Every step is an exact slice of the answer: the first starts at
 * its first non-blank character, each later one starts with the whitespace
 * that separates it from the step before, and none ends in whitespace — so
 * `joinSteps(segmentSteps(a))` is `a` itself, trimmed. Empty input gives no
 * steps.
 *
 * Prefix-stable, for streams: appending text may change the last step but
 * never an earlier one. Every decision about a line depends only on the lines
 * before it and on that line's own beginning.
 */
export function segmentSteps(text: string): string[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.reduce((offset, line) => {
    starts.push(offset);
    return offset + line.length + 1;
  }, 0);
  const lineEnd = (i: number) => (starts[i] as number) + (lines[i] as string).trimEnd().length;
  const trimmedLine = (i: number) => (lines[i] as string).trim();

  const blocks: Block[] = [];
  let current: Block | undefined;
  const start = (unit: Unit) => {
    const proseEnd = unit.kind === 'text' ? unit.last + 1 : unit.first;
    current = { kind: unit.kind, first: unit.first, last: unit.last, indent: unit.indent, sawBlank: false, proseEnd };
    blocks.push(current);
  };
  const append = (block: Block, unit: Unit) => {
    block.last = unit.last;
    block.sawBlank = false;
  };

  for (const unit of toUnits(lines)) {
    if (unit === 'blank') {
      if (current) current.sawBlank = true;
      continue;
    }
    const block = current;
    if (!block || unit.kind === 'item' || unit.kind === 'section' || unit.kind === 'heading') {
      start(unit);
      continue;
    }
    const owner = block.kind === 'item' || block.kind === 'section';
    if (unit.kind === 'display') {
      const leadIn = block.kind === 'text' && (!block.sawBlank || trimmedLine(block.last).endsWith(':'));
      if (owner || leadIn) append(block, unit);
      else start(unit);
      continue;
    }
    // A line of text.
    const line = lines[unit.first] as string;
    if (block.kind === 'item') {
      if (!block.sawBlank || unit.indent > block.indent) append(block, unit);
      else start(unit);
    } else if (block.kind === 'section') {
      if (block.sawBlank && CONCLUSION.test(line)) start(unit);
      else append(block, unit);
    } else if (block.kind === 'text' && !block.sawBlank) {
      const previous = trimmedLine(block.last);
      const prose = lines.slice(block.first, block.last + 1).map((l) => l.trim());
      if (previous.endsWith(':')) append(block, unit);
      else if (block.proseEnd === block.last + 1 && continuesProse(previous, line) && !opensStep(`${prose.join(' ')} ${line.trim()}`)) {
        append(block, unit);
        block.proseEnd = unit.last + 1;
      } else start(unit);
    } else {
      start(unit);
    }
  }

  // Where each step's content ends; each step then runs from the previous end.
  const ends = blocks.flatMap((block) => {
    const end = lineEnd(block.last);
    if (block.proseEnd === block.first) return [end];
    const from = starts[block.first] as number;
    const sentences = sentenceEnds(text.slice(from, lineEnd(block.proseEnd - 1))).map((e) => from + e);
    return [...sentences, end];
  });
  const steps: string[] = [];
  let from = text.length - text.trimStart().length;
  for (const end of ends) {
    if (end > from) steps.push(text.slice(from, end));
    from = end;
  }
  return steps;
}

function isSingleLineItem(step: string): boolean {
  return !step.includes('\n') && ITEM.test(step);
}

/**
 * Stitches steps into one answer. Steps that start with whitespace (as
 * {@link segmentSteps} returns them) are appended as they are, so
 * `joinSteps(segmentSteps(a))` is `a`; a step without it gets a blank line
 * before it (a single newline between one-line list items). Prefix-stable:
 * `joinSteps(s)` is a prefix of `joinSteps([...s, t])`.
 */
export function joinSteps(steps: readonly string[]): string {
  let out = '';
  let previous: string | undefined;
  for (const raw of steps) {
    if (raw.trim() === '') continue;
    const step = raw.trimEnd();
    if (previous === undefined) out += step.trimStart();
    else if (/^\s/.test(step)) out += step;
    else out += (isSingleLineItem(previous.trim()) && isSingleLineItem(step) ? '\n' : '\n\n') + step;
    previous = step;
  }
  return out;
}
