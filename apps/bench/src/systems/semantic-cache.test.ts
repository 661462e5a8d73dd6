import { generateText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { semanticCacheMiddleware } from './semantic-cache';

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } };

/** A toy embedder: one axis per keyword, so similarities are easy to reason about. */
const AXES = ['solve', 'equation', 'capital', 'france', 'not'];
function embed(text: string): number[] {
  const lower = text.toLowerCase();
  return [...AXES.map((w) => (lower.includes(w) ? 1 : 0)), 0.01];
}

function setup(threshold?: number) {
  const prompts: string[] = [];
  const model = new MockLanguageModelV4({
    doGenerate: async (options) => {
      const last = options.prompt[options.prompt.length - 1];
      const text = last?.role === 'user' && last.content[0]?.type === 'text' ? last.content[0].text : '';
      prompts.push(text);
      return { content: [{ type: 'text', text: `answer to: ${text}` }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
    },
  });
  const lookups: { hit: boolean; similarity?: number; cachedPrompt?: string }[] = [];
  const middleware = semanticCacheMiddleware({ embed, onLookup: (l) => lookups.push(l), ...(threshold === undefined ? {} : { threshold }) });
  return { model: wrapLanguageModel({ model, middleware }), prompts, lookups };
}

describe('semanticCacheMiddleware', () => {
  it('serves the whole cached answer of a similar prompt (cosine ≥ 0.9), even when it answers another question', async () => {
    const { model, prompts, lookups } = setup();
    await generateText({ model, prompt: 'Solve the equation 2x + 3 = 7' });
    const second = await generateText({ model, prompt: 'Solve the equation 2x + 5 = 11' });
    expect(second.text).toBe('answer to: Solve the equation 2x + 3 = 7');
    expect(prompts).toHaveLength(1);
    expect(lookups[1]).toMatchObject({ hit: true, cachedPrompt: 'Solve the equation 2x + 3 = 7' });
    expect(lookups[1]?.similarity).toBeGreaterThan(0.99);
  });

  it('calls the model below the threshold and stores that answer too', async () => {
    const { model, prompts, lookups } = setup();
    await generateText({ model, prompt: 'What is the capital of France?' });
    await generateText({ model, prompt: 'What is not the capital of France?' });
    await generateText({ model, prompt: 'What is not the capital of France?' });
    expect(prompts).toEqual(['What is the capital of France?', 'What is not the capital of France?']);
    expect(lookups.map((l) => l.hit)).toEqual([false, false, true]);
    expect(lookups[1]?.similarity).toBeLessThan(0.9);
  });

  it('keys on the last user message only, ignoring the system prompt', async () => {
    const { model, prompts } = setup();
    await generateText({ model, system: 'You are a pirate.', prompt: 'Solve the equation' });
    const second = await generateText({ model, system: 'You are a lawyer.', prompt: 'Solve the equation' });
    expect(prompts).toHaveLength(1);
    expect(second.text).toBe('answer to: Solve the equation');
  });

  it('honours a custom threshold', async () => {
    const { model, prompts } = setup(1.01);
    await generateText({ model, prompt: 'Solve the equation' });
    await generateText({ model, prompt: 'Solve the equation' });
    expect(prompts).toHaveLength(2);
  });
});
