import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { generateText, wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import { stepCacheMiddleware } from '../stepcache-middleware';
import { lastUserText, scriptedModel } from '../test-utils/scripted-model';

/** The only answer the scripted model knows: a derivation for 3(x + 2) = 21. */
const CACHED_ANSWER = [
  'Step 1: Expand the left side: 3(x + 2) = 3x + 6',
  'Step 2: So 3x + 6 = 21',
  'Step 3: Subtract 6 from both sides: 3x = 15',
  'Step 4: Divide by 3: x = 5',
  'Final answer: x = 5',
].join('\n');

function setup() {
  const base = scriptedModel((options: LanguageModelV4CallOptions) =>
    lastUserText(options).includes('= 21') ? CACHED_ANSWER : 'I cannot solve that one.',
  );
  const model = wrapLanguageModel({ model: base, middleware: stepCacheMiddleware() });
  const ask = async (prompt: string) => {
    const before = base.doGenerateCalls.length;
    const result = await generateText({ model, prompt });
    return {
      text: result.text,
      meta: result.providerMetadata?.stepcache as Record<string, unknown>,
      calls: base.doGenerateCalls.length - before,
    };
  };
  return { ask };
}

describe('reuse across changed constants', () => {
  it('re-derives the numbers of a cached derivation and serves it with no model call', async () => {
    const { ask } = setup();
    const first = await ask('Solve 3(x + 2) = 21');
    expect(first.meta).toMatchObject({ path: 'miss', stored: true });

    const next = await ask('Solve 3(x + 2) = 24');
    expect(next.calls).toBe(0);
    expect(next.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(next.text).toMatch(/x = 6\s*$/);
    expect(next.text).toContain('3x + 6 = 24');
    expect(next.text).toContain('3x = 18');
    expect(next.text).not.toContain('21');
    // The step labels are the cached ones, untouched.
    expect(next.text.match(/Step \d/g)).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 4']);
  });

  it('re-derives a sign flip and a fractional solution', async () => {
    const { ask } = setup();
    await ask('Solve 3(x + 2) = 21');
    const next = await ask('Solve 3(x - 2) = 5');
    expect(next.calls).toBe(0);
    expect(next.meta).toMatchObject({ path: 'reuse' });
    expect(next.text).toContain('3x - 6 = 5');
    expect(next.text).toContain('Add 6 to both sides: 3x = 11');
    expect(next.text).toMatch(/x = 11\/3\s*$/);
  });
});
