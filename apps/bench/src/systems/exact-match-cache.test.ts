import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, simulateReadableStream, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { exactMatchCacheMiddleware } from './exact-match-cache';

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } };

function counting() {
  let calls = 0;
  const model = new MockLanguageModelV4({
    doGenerate: async () => {
      calls += 1;
      return { content: [{ type: 'text', text: `answer ${calls}` }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
    },
    doStream: async () => {
      calls += 1;
      const chunks: LanguageModelV4StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: `streamed ${calls}` },
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ];
      return { stream: simulateReadableStream({ chunks, chunkDelayInMs: 0 }) };
    },
  });
  return { model, calls: () => calls };
}

describe('exactMatchCacheMiddleware', () => {
  it('serves an identical call from the cache without calling the model', async () => {
    const { model, calls } = counting();
    const lookups: { hit: boolean; cachedPrompt?: string }[] = [];
    const cached = wrapLanguageModel({ model, middleware: exactMatchCacheMiddleware({ onLookup: (l) => lookups.push(l) }) });
    const first = await generateText({ model: cached, prompt: 'Solve for x: 2x + 3 = 7' });
    const second = await generateText({ model: cached, prompt: 'Solve for x: 2x + 3 = 7' });
    expect(first.text).toBe('answer 1');
    expect(second.text).toBe('answer 1');
    expect(calls()).toBe(1);
    expect(lookups).toEqual([{ hit: false }, { hit: true, cachedPrompt: 'Solve for x: 2x + 3 = 7' }]);
  });

  it('misses on any change of the call: prompt, system prompt or a setting', async () => {
    const { model, calls } = counting();
    const cached = wrapLanguageModel({ model, middleware: exactMatchCacheMiddleware() });
    await generateText({ model: cached, prompt: 'Solve for x: 2x + 3 = 7' });
    await generateText({ model: cached, prompt: 'Solve for x: 2x + 3 = 9' });
    await generateText({ model: cached, system: 'Be brief.', prompt: 'Solve for x: 2x + 3 = 7' });
    await generateText({ model: cached, prompt: 'Solve for x: 2x + 3 = 7', temperature: 0.3 });
    expect(calls()).toBe(4);
  });

  it('replays a cached stream chunk by chunk, like the recipe', async () => {
    const { model, calls } = counting();
    const cached = wrapLanguageModel({ model, middleware: exactMatchCacheMiddleware({ chunkDelayInMs: 0 }) });
    const first = streamText({ model: cached, prompt: 'Hi' });
    expect(await first.text).toBe('streamed 1');
    const second = streamText({ model: cached, prompt: 'Hi' });
    expect(await second.text).toBe('streamed 1');
    expect(calls()).toBe(1);
  });
});
