import { describe, expect, it } from 'vitest';
import { normalizePrompt, promptKey } from './prompt-key';

describe('promptKey', () => {
  it('is equal for prompts that differ only in case, spacing, width or zero-width characters', async () => {
    const a = await promptKey('Solve for x:  2x + 3 = 7');
    expect(await promptKey('solve for x: 2x + 3 = 7 ')).toBe(a);
    expect(await promptKey('Solve\u200b for x: ２x + 3 = 7')).toBe(a);
  });

  it('differs when a number or symbol differs', async () => {
    const a = await promptKey('Solve for x: 2x + 3 = 7');
    expect(await promptKey('Solve for x: 2x + 3 = 8')).not.toBe(a);
    expect(await promptKey('Solve for x: 2x - 3 = 7')).not.toBe(a);
  });

  it('normalises to readable text', () => {
    expect(normalizePrompt('  Hello\n\tWORLD ')).toBe('hello world');
  });
});
