import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPT_SINGLE as GPT_STYLE, LLAMA_SINGLE as LLAMA_STYLE } from '../linear-equation/fixtures/model-style-answers';
import { joinSteps, segmentSteps } from './segment-steps';

const SECTIONS = `**Step 1: Solve the second equation for x.**

From equation (2):

\\[
x = y + 1
\\]

**Step 2: Substitute into the first equation.**

\\[
2(y + 1) + 3y = 12
\\]

\\[
5y = 10 \\implies y = 2
\\]

The solution is \\(x = 3\\) and \\(y = 2\\).`;

const stripSpace = (s: string) => s.replace(/\s+/g, '');
/** Steps without the whitespace that separates them. */
const contents = (text: string) => segmentSteps(text).map((step) => step.trim());

describe('segmentSteps', () => {
  it('keeps numbered items together with their continuation lines and display math', () => {
    const steps = contents(GPT_STYLE);
    expect(steps).toHaveLength(4);
    expect(steps[0]).toBe('To solve the equation \\(2x + 3 = 7\\), follow these steps:');
    expect(steps[1]).toMatch(/^1\. \*\*Subtract 3[\s\S]*2x = 4\n {3}\\\]$/);
    expect(steps[2]).toMatch(/^2\. \*\*Divide[\s\S]*= 2\n {3}\\\]$/);
    expect(segmentSteps(GPT_STYLE)[3]).toBe('\n\nSo, the solution is \\(x = 2\\).');
    expect(steps[3]).toBe('So, the solution is \\(x = 2\\).');
  });

  it('treats "Step N:" paragraphs as steps', () => {
    expect(contents(LLAMA_STYLE)).toEqual([
      'To solve for x, we need to isolate x on one side of the equation.',
      'Step 1: Subtract 3 from both sides of the equation.\n2x + 3 - 3 = 7 - 3\n2x = 4',
      'Step 2: Divide both sides by 2.\n2x / 2 = 4 / 2\nx = 2',
      'The final answer is: $\\boxed{2}$',
    ]);
  });

  it('gives a bold "Step N" heading every block up to the next one or the conclusion', () => {
    const steps = contents(SECTIONS);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('x = y + 1');
    expect(steps[1]).toContain('5y = 10');
    expect(steps[2]).toBe('The solution is \\(x = 3\\) and \\(y = 2\\).');
  });

  it('splits plain lines and prose sentences, but not inside math or at decimals', () => {
    expect(segmentSteps('2x + 3 = 7\n2x = 4\nx = 2')).toEqual(['2x + 3 = 7', '\n2x = 4', '\nx = 2']);
    expect(contents('First, subtract 3 from both sides to get 2x = 4. Then divide by 2 to get x = 2.5. Done!')).toEqual([
      'First, subtract 3 from both sides to get 2x = 4.',
      'Then divide by 2 to get x = 2.5.',
      'Done!',
    ]);
    expect(contents('We get \\(x = 2. 5\\) here, e.g. Here it ends.')).toEqual(['We get \\(x = 2. 5\\) here, e.g. Here it ends.']);
  });

  it('keeps a lead-in line with the line or display it introduces', () => {
    expect(contents('Subtract 3 from both sides:\n2x = 4\nDivide by 2:\n\n$$x = 2$$')).toEqual([
      'Subtract 3 from both sides:\n2x = 4',
      'Divide by 2:\n\n$$x = 2$$',
    ]);
  });

  it('rejoins hard-wrapped prose lines', () => {
    expect(contents('To isolate the unknown we first subtract\nthree from both sides. Then we divide.')).toEqual([
      'To isolate the unknown we first subtract\nthree from both sides.',
      'Then we divide.',
    ]);
  });

  it('returns no steps for empty text', () => {
    expect(segmentSteps('')).toEqual([]);
    expect(segmentSteps('\n  \n')).toEqual([]);
  });
});

describe('joinSteps', () => {
  it('keeps the whitespace steps carry and separates bare steps', () => {
    expect(joinSteps(['1. a', '2. b', 'So x = 2.'])).toBe('1. a\n2. b\n\nSo x = 2.');
    expect(joinSteps(['x = 2', '\nso y = 3', '  '])).toBe('x = 2\nso y = 3');
  });

  it('gives back the original answer', () => {
    for (const answer of [GPT_STYLE, LLAMA_STYLE, SECTIONS, `  ${GPT_STYLE}\n\n`]) {
      expect(joinSteps(segmentSteps(answer))).toBe(answer.trim());
    }
  });

  const line = fc.oneof(
    fc.constantFrom('2x + 3 = 7', 'x = 2', 'Subtract 3 from both sides.', 'So, x = 2. Then y = 3.', 'Simplify:', '   indented', ''),
    fc.constantFrom('**Step 1: Isolate x.**', 'Solve for y.', 'Therefore x = 2.', 'We get \\(x = 2. Then\\) more.', '```', '\\begin{cases}', '\\end{cases}'),
    fc.constantFrom('1. **Subtract 3**', '- bullet', 'Step 2: Divide by 2.', '### Step 3', '\\[', '2x = 4', '\\]', '$$x = 2$$'),
    fc.stringMatching(/^[A-Za-z0-9 =+\-.]{0,20}$/),
  );

  it('is prefix-stable: a growing answer only ever changes its last step (property)', () => {
    const prefixStable = (answer: string) => {
      const full = segmentSteps(answer);
      for (let k = 1; k < answer.length; k += 1) {
        const settled = segmentSteps(answer.slice(0, k)).slice(0, -1);
        expect(full.slice(0, settled.length)).toEqual(settled);
      }
    };
    [GPT_STYLE, LLAMA_STYLE, SECTIONS].forEach(prefixStable);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => prefixStable(lines.join('\n'))),
      { numRuns: 150 },
    );
  });

  it('is prefix-stable when steps are appended (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), line, (steps, next) => {
        expect(joinSteps([...steps, next]).startsWith(joinSteps(steps))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back any answer exactly, in steps that are neither empty nor end in whitespace (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const answer = lines.join('\n');
        const steps = segmentSteps(answer);
        expect(joinSteps(steps)).toBe(answer.trim());
        expect(steps.every((s) => s.trim() !== '' && s.trimEnd() === s)).toBe(true);
        expect(stripSpace(steps.join(''))).toBe(stripSpace(answer));
      }),
      { numRuns: 400 },
    );
  });
});
