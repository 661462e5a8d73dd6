import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';
import { analyseText } from './extract-equations';
import { buildPatchRequest, readPatchSteps } from './patch-prompt';

const prompt = 'Solve the system: 2x + 3y = 12 and x - y = 1';
const problem = detectLinearProblem(prompt, { maxUnknowns: 3, maxPromptLength: 4000 })!;
const input = { prompt, responseFormat: { type: 'text' as const } };
const kept = ['1. From the second equation, x = y + 1.', '2. Substitute: 2(y + 1) + 3y = 12.'];
const rejected = [{ step: '3. So 5y = 11.', reason: '"5y = 11" is false for this problem (check the arithmetic)' }];

describe('buildPatchRequest', () => {
  it('continues after the verified steps and names the rejected step', () => {
    const request = buildPatchRequest({ problem, input, kept, rejected, attempt: 1 });
    expect(request.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(request.messages[0]?.content).toBe(prompt);
    expect(request.messages[1]?.content).toBe(kept.join('\n'));
    const instruction = request.messages[2]?.content ?? '';
    expect(instruction).toMatch(/^Continue from step 3:/);
    expect(instruction).toContain('checked');
    expect(instruction).toContain('"5y = 11" is false');
    expect(instruction).toContain('Final answer: x = …, y = …');
    expect(instruction).not.toMatch(/Check every operation/);
    expect(buildPatchRequest({ problem, input, kept, rejected, attempt: 2 }).messages[2]?.content).toMatch(/Check every operation/);
  });

  it('asks for a full solution when nothing is kept', () => {
    const request = buildPatchRequest({ problem, input, kept: [], rejected, attempt: 1 });
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0]?.role).toBe('user');
    expect(request.messages[0]?.content).toMatch(/^Solve the system: 2x \+ 3y = 12 and x - y = 1\n\nSolve step by step/);
    expect(request.messages[0]?.content).toContain('rejected: "5y = 11" is false');
  });

  it('says "from the next step" when the kept steps are not numbered', () => {
    const request = buildPatchRequest({ problem, input, kept: ['x = y + 1'], rejected: [], attempt: 1 });
    expect(request.messages[2]?.content).toMatch(/^Continue from the next step:/);
  });
});

const trimmed = (steps: string[]) => steps.map((step) => step.trim());

describe('readPatchSteps', () => {
  const args = { problem, input, kept, rejected, attempt: 1 };

  it('returns the continuation as steps', () => {
    expect(trimmed(readPatchSteps('3. So 5y = 10 and y = 2.\n4. Then x = 3.\n\nFinal answer: x = 3, y = 2', args, analyseText))).toEqual([
      '3. So 5y = 10 and y = 2.',
      '4. Then x = 3.',
      'Final answer: x = 3, y = 2',
    ]);
  });

  it('drops chatter and echoed kept steps', () => {
    const output = 'Sure! Continuing from step 3:\n\n2. **Substitute:** $2(y + 1) + 3y = 12$.\n3. So 5y = 10, y = 2.';
    expect(trimmed(readPatchSteps(output, args, analyseText))).toEqual(['3. So 5y = 10, y = 2.']);
  });

  it('keeps a closing line that states every value, though each was found in a kept step', () => {
    const found = ['1. From the second equation, x = y + 1.', '2. So y = 2.', '3. Then x = 3.'];
    const closing = { problem, input, kept: found, rejected, attempt: 2 };
    expect(trimmed(readPatchSteps('Therefore, x = 3 and y = 2.', closing, analyseText))).toEqual(['Therefore, x = 3 and y = 2.']);
    // A line repeating only some of them is still an echo.
    expect(trimmed(readPatchSteps('Then x = 3.\nFinal answer: x = 3, y = 2', closing, analyseText))).toEqual(['Final answer: x = 3, y = 2']);
  });

  it('copes with a model that restarts from step 1', () => {
    const output = [
      'Here is the full solution:',
      '1. Solve the second equation for x: x = y + 1.',
      '2. Substitute into the first: 2(y + 1) + 3y = 12.',
      '3. Simplify: 5y + 2 = 12, so y = 2.',
      '4. Then x = 3.',
    ].join('\n');
    expect(trimmed(readPatchSteps(output, args, analyseText))).toEqual(['3. Simplify: 5y + 2 = 12, so y = 2.', '4. Then x = 3.']);
  });

  it('is prefix-stable while the output streams in', () => {
    const output = [
      'Sure! Here is the full solution:',
      '1. Solve the second equation for x: x = y + 1.',
      '2. Substitute into the first: 2(y + 1) + 3y = 12.',
      '3. Simplify: 5y + 2 = 12, so y = 2.',
      '4. Then x = 3.',
      '',
      'Final answer: x = 3, y = 2',
    ].join('\n');
    const full = readPatchSteps(output, args, analyseText);
    for (let k = 1; k < output.length; k += 1) {
      const settled = readPatchSteps(output.slice(0, k), args, analyseText).slice(0, -1);
      expect(full.slice(0, settled.length)).toEqual(settled);
    }
  });

  it('keeps a continuation numbered afresh', () => {
    expect(trimmed(readPatchSteps('1. So 5y = 10.\n2. y = 2 and x = 3.', args, analyseText))).toEqual(['1. So 5y = 10.', '2. y = 2 and x = 3.']);
  });
});
