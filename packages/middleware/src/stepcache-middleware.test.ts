import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { generateText, tool, wrapLanguageModel } from 'ai';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { StepCacheEvent } from './report/stepcache-event';
import type { StepCacheOptions } from './options/stepcache-options';
import { stepCacheMiddleware } from './stepcache-middleware';
import { memoryStore } from './store/memory-store';
import type { ScriptedReply } from './test-utils/scripted-model';
import { lastUserText, promptText, scriptedModel } from './test-utils/scripted-model';

type Answerer = (options: LanguageModelV4CallOptions) => string | ScriptedReply;

function setup(answer: Answerer, options: StepCacheOptions = {}) {
  const events: StepCacheEvent[] = [];
  const base = scriptedModel(answer);
  const middleware = stepCacheMiddleware({ onEvent: (event) => events.push(event), ...options });
  const model = wrapLanguageModel({ model: base, middleware });
  const ask = async (prompt: string, extra: Partial<Parameters<typeof generateText>[0]> = {}) => {
    const before = base.doGenerateCalls.length;
    const result = await generateText({ model, prompt, ...extra } as Parameters<typeof generateText>[0]);
    return {
      text: result.text,
      meta: result.providerMetadata?.stepcache as Record<string, unknown>,
      usage: result.usage,
      calls: base.doGenerateCalls.slice(before),
    };
  };
  return { base, ask, events, middleware };
}

const SOLUTIONS: Record<string, string> = {
  'Solve for x: 2x + 3 = 7': 'Step 1: Subtract 3 from both sides: 2x = 4\nStep 2: Divide both sides by 2: x = 2\nFinal answer: x = 2',
  'Solve 3(x + 2) = 21':
    'Step 1: Expand the left side: 3(x + 2) = 3x + 6\nStep 2: So 3x + 6 = 21\nStep 3: Subtract 6 from both sides: 3x = 15\nStep 4: Divide by 3: x = 5\nFinal answer: x = 5',
  'Solve 3(x + 2) = 24':
    'Step 1: Expand the left side: 3(x + 2) = 3x + 6\nStep 2: So 3x + 6 = 24\nStep 3: Subtract 6 from both sides: 3x = 18\nStep 4: Divide by 3: x = 6\nFinal answer: x = 6',
  'Solve the system: 2x + y = 7 and x - y = 2':
    '1. From the second equation, x = y + 2\n2. Substitute into the first: 2(y + 2) + y = 7\n3. So 3y + 4 = 7, hence 3y = 3 and y = 1\n4. Then x = 1 + 2 = 3\nFinal answer: x = 3, y = 1',
  'Solve the system: 2x + y = 10 and x = y + 2':
    '1. From the second equation, x = y + 2\n2. Substitute into the first: 2(y + 2) + y = 10\n3. So 3y + 4 = 10, hence 3y = 6 and y = 2\n4. Then x = 2 + 2 = 4\nFinal answer: x = 4, y = 2',
  'Solve 3(x + 2) = x + 24':
    'Step 1: Expand the left side: 3(x + 2) = 3x + 6\nStep 2: So 3x + 6 = x + 24\nStep 3: Subtract x and 6 from both sides: 2x = 18\nStep 4: Divide by 2: x = 9\nFinal answer: x = 9',
};

/** A model that solves the fixtures correctly and continues patch requests with the right remaining steps. */
const correctModel: Answerer = (options) => {
  const all = promptText(options);
  const question = Object.keys(SOLUTIONS).find((q) => all.includes(q));
  if (question === undefined) return 'I can help with that.';
  const solution = SOLUTIONS[question]!;
  const assistant = [...options.prompt].reverse().find((m) => m.role === 'assistant');
  if (assistant?.role !== 'assistant') return solution;
  const written = assistant.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const lines = solution.split('\n');
  const done = lines.filter((line) => written.includes(line.replace(/^(Step \d+: |\d+\. )/, ''))).length;
  return lines.slice(done).join('\n');
};

describe('stepCacheMiddleware through generateText', () => {
  it('stores a verified miss and serves the exact repeat with no model call and zero usage', async () => {
    const { ask } = setup(correctModel);
    const first = await ask('Solve for x: 2x + 3 = 7');
    expect(first.meta).toMatchObject({ path: 'miss', task: 'linear-equation', modelCalls: 1, stored: true });
    expect(first.calls).toHaveLength(1);

    const second = await ask('solve for x:  2x + 3 = 7');
    expect(second.calls).toHaveLength(0);
    expect(second.meta).toMatchObject({ path: 'reuse', modelCalls: 0, similarity: 1 });
    expect(second.text).toContain('x = 2');
    expect(second.usage.inputTokens).toBe(0);
    expect(second.usage.outputTokens).toBe(0);
  });

  it('re-derives a changed constant and reuses the whole derivation with no model call', async () => {
    const { ask } = setup(correctModel);
    await ask('Solve 3(x + 2) = 21');
    const reused = await ask('Solve 3(x + 2) = 24');
    expect(reused.calls).toHaveLength(0);
    expect(reused.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(reused.text).toMatch(/x = 6\s*$/);
    expect(reused.text).not.toContain('21');
  });

  it('reuses the verified prefix and patches from the first failing step when the equation changes', async () => {
    // A looser retrieval threshold makes the changed equation a candidate at all.
    const { ask } = setup(correctModel, { minSimilarity: 0.3 });
    await ask('Solve 3(x + 2) = 21');
    const patched = await ask('Solve 3(x + 2) = x + 24');
    expect(patched.meta).toMatchObject({ path: 'patch', reusedSteps: 1, modelCalls: 1 });
    expect(patched.text).toMatch(/x = 9\s*$/);
    expect(patched.text).not.toContain('21');
    // The patch call carries the verified prefix as context.
    const patchPrompt = promptText(patched.calls[0]!);
    expect(patchPrompt).toContain('3(x + 2) = 3x + 6');
  });

  it('patches a system from the step the changed equations break', async () => {
    const { ask } = setup(correctModel, { minSimilarity: 0.3 });
    await ask('Solve the system: 2x + y = 7 and x - y = 2');
    const patched = await ask('Solve the system: 2x + y = 10 and x = y + 2');
    expect(patched.meta).toMatchObject({ path: 'patch', reusedSteps: 1 });
    expect(patched.text).toMatch(/x = 4, y = 2/);
  });

  it('reuses the same problem asked in other words, with the default options', async () => {
    const { ask } = setup(correctModel);
    const first = await ask('Solve for x: 2x + 3 = 7');
    // Similarity 0.79 with the local embedder: below the old 0.8 gate, above the default 0.65.
    const reworded = await ask('Determine x given that 2x + 3 = 7.');
    expect(reworded.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(reworded.text).toBe(first.text);
  });

  it('adapts a consistently renamed variable and reuses without a model call', async () => {
    const { ask } = setup(correctModel);
    await ask('Solve for x: 2x + 3 = 7');
    const renamed = await ask('Solve for a: 2a + 3 = 7');
    expect(renamed.calls).toHaveLength(0);
    expect(renamed.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(renamed.text).toMatch(/a = 2\s*$/);
    expect(renamed.text).not.toMatch(/\bx\b/);
  });

  it('serves the fallback’s correct answer when the model always answers wrong, and says so', async () => {
    const events: StepCacheEvent[] = [];
    const { ask } = setup(() => 'Step 1: Subtract 3 from both sides: 2x = 5\nFinal answer: x = 2.5', {
      onEvent: (e) => events.push(e),
    });
    const result = await ask('Solve for x: 2x + 3 = 7');
    expect(result.meta).toMatchObject({ path: 'miss', fallback: true, modelCalls: 3 });
    expect(result.text).toMatch(/x = 2\s*$/);
    expect(result.text).not.toContain('2.5');
    expect(events.some((e) => e.type === 'fallback')).toBe(true);
  });

  it('bounds the repair loop by maxRepairs', async () => {
    const { ask } = setup(() => 'Final answer: x = 9', { maxRepairs: 0 });
    const result = await ask('Solve for x: 2x + 3 = 7');
    expect(result.calls).toHaveLength(1);
    expect(result.meta).toMatchObject({ fallback: true, modelCalls: 1 });
  });

  it.each([
    ['a quadratic', 'Solve for x: x^2 + 3 = 7'],
    ['a yes/no check', 'Is x = 3 a solution of 2x + 3 = 7?'],
    ['unrelated free text', 'Write a haiku about the sea'],
  ])('never serves %s from a cached linear answer', async (_, prompt) => {
    const { ask } = setup((options) => (lastUserText(options) === prompt ? 'MODEL ANSWER' : correctModel(options)));
    await ask('Solve for x: 2x + 3 = 7');
    const result = await ask(prompt);
    expect(result.calls).toHaveLength(1);
    expect(result.text).toBe('MODEL ANSWER');
    expect(['skip', 'miss']).toContain(result.meta.path);
  });

  it('does not reuse a cached derivation for a request that adds an instruction (a language)', async () => {
    const french = 'Étape 1 : on soustrait 3 des deux côtés : 2x = 4\nÉtape 2 : on divise par 2 : x = 2\nRéponse finale : x = 2';
    const { ask } = setup((options) => (lastUserText(options).includes('French') ? french : correctModel(options)));
    await ask('Solve for x: 2x + 3 = 7');
    const result = await ask('Solve for x: 2x + 3 = 7. Answer in French.');
    expect(result.calls).toHaveLength(1);
    expect(result.meta).toMatchObject({ path: 'skip', reason: expect.stringContaining('"french"') });
    expect(result.text).toBe(french);
  });

  it('reuses free text only on an exact normalised prompt match', async () => {
    const { ask } = setup((options) => `Answer to: ${lastUserText(options)}`);
    await ask('What is the capital of France?');
    const near = await ask('What is the capital of Spain?');
    expect(near.calls).toHaveLength(1);
    expect(near.text).toBe('Answer to: What is the capital of Spain?');
    const repeat = await ask('what is the capital of  France?');
    expect(repeat.calls).toHaveLength(0);
    expect(repeat.meta).toMatchObject({ path: 'reuse', task: 'text' });
  });

  it('never shows an entry across scopes', async () => {
    const { ask } = setup(correctModel);
    const scoped = (scope: string) => ({ providerOptions: { stepcache: { scope } } });
    await ask('Solve for x: 2x + 3 = 7', scoped('tenant-a'));
    const other = await ask('Solve for x: 2x + 3 = 7', scoped('tenant-b'));
    expect(other.meta.path).toBe('miss');
    expect(other.calls).toHaveLength(1);
    const shared = await ask('Solve for x: 2x + 3 = 7');
    expect(shared.meta.path).toBe('miss');
    const same = await ask('Solve for x: 2x + 3 = 7', scoped('tenant-a'));
    expect(same.meta.path).toBe('reuse');
  });

  it('keeps entries of another system prompt or model apart', async () => {
    const store = memoryStore();
    const { ask } = setup(correctModel, { store });
    await ask('Solve for x: 2x + 3 = 7', { system: 'You are terse.' });
    expect((await ask('Solve for x: 2x + 3 = 7', { system: 'You are verbose.' })).meta.path).toBe('miss');

    const otherModel = wrapLanguageModel({
      model: scriptedModel(correctModel, { modelId: 'other-model' }),
      middleware: stepCacheMiddleware({ store }),
    });
    const result = await generateText({ model: otherModel, prompt: 'Solve for x: 2x + 3 = 7', system: 'You are terse.' });
    expect((result.providerMetadata?.stepcache as { path: string }).path).toBe('miss');
  });

  it('never stores answers that were cut off or failed', async () => {
    let reply: ScriptedReply = { text: 'The capital of France is', finishReason: 'length' };
    const { ask } = setup(() => reply);
    const cut = await ask('What is the capital of France?');
    expect(cut.meta).toMatchObject({ path: 'miss', stored: false });
    reply = { text: 'Paris.' };
    const again = await ask('What is the capital of France?');
    expect(again.meta.path).toBe('miss');
    expect(again.text).toBe('Paris.');
  });

  it('does not store anything when the model call throws', async () => {
    let fail = true;
    const { ask } = setup(() => {
      if (fail) throw new Error('provider down');
      return 'Paris.';
    });
    await expect(ask('What is the capital of France?', { maxRetries: 0 })).rejects.toThrow('provider down');
    fail = false;
    expect((await ask('What is the capital of France?')).meta.path).toBe('miss');
  });

  it('bypasses calls with tools and calls that opt out', async () => {
    const { ask } = setup(correctModel);
    await ask('Solve for x: 2x + 3 = 7');
    const withTools = await ask('Solve for x: 2x + 3 = 7', {
      tools: { calculator: tool({ inputSchema: z.object({ expression: z.string() }), execute: async () => 0 }) },
    });
    expect(withTools.meta).toMatchObject({ path: 'bypass', reason: 'the call has tools' });
    expect(withTools.calls).toHaveLength(1);
    const optedOut = await ask('Solve for x: 2x + 3 = 7', { providerOptions: { stepcache: { bypass: true } } });
    expect(optedOut.meta).toMatchObject({ path: 'bypass' });
    expect(optedOut.calls).toHaveLength(1);
  });

  it('rejects malformed per-call options, naming the field', async () => {
    const { ask } = setup(correctModel);
    await expect(ask('hi', { providerOptions: { stepcache: { scope: 42 } } } as never)).rejects.toMatchObject({
      name: 'StepCacheError',
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('providerOptions.stepcache.scope'),
    });
  });

  it('fails open when the store throws, and reports it', async () => {
    const broken = {
      search: () => Promise.reject(new Error('store down')),
      findExact: () => Promise.reject(new Error('store down')),
      put: () => Promise.reject(new Error('store down')),
      clear: () => Promise.resolve(),
    };
    const { ask, events } = setup(correctModel, { store: broken });
    const result = await ask('Solve for x: 2x + 3 = 7');
    expect(result.text).toMatch(/x = 2/);
    expect(result.meta).toMatchObject({ path: 'miss', stored: false });
    expect(events.filter((e) => e.type === 'error').map((e) => e.type === 'error' && e.stage)).toEqual(
      expect.arrayContaining(['lookup', 'store']),
    );
  });

  it('fails open when the store is slow', async () => {
    const slow = {
      search: () => new Promise<never>(() => {}),
      findExact: () => new Promise<never>(() => {}),
      put: () => new Promise<never>(() => {}),
      clear: () => Promise.resolve(),
    };
    const { ask, events } = setup(correctModel, { store: slow, timeoutMs: 20 });
    const result = await ask('Solve for x: 2x + 3 = 7');
    expect(result.meta.path).toBe('miss');
    expect(events.some((e) => e.type === 'error' && e.stage === 'lookup')).toBe(true);
  });

  it('fails open when the embedder throws', async () => {
    const { ask, events } = setup(correctModel, {
      embedding: { id: 'broken', embed: () => Promise.reject(new Error('no embeddings')) },
    });
    const result = await ask('Solve for x: 2x + 3 = 7');
    expect(result.text).toMatch(/x = 2/);
    expect(result.meta).toMatchObject({ path: 'miss', stored: false });
    expect(events.some((e) => e.type === 'error' && e.stage === 'embedding')).toBe(true);
  });

  it.each([
    [{ minSimilarity: 2 }, 'minSimilarity'],
    [{ maxRepairs: -1 }, 'maxRepairs'],
    [{ maxRepairs: 1.5 }, 'maxRepairs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ store: {} }, 'store'],
    [{ embedding: 'text-embedding-3-small' }, 'embedding'],
    [{ verifiers: [{}] }, 'verifiers'],
  ])('rejects option %o naming %s', (options, field) => {
    expect(() => stepCacheMiddleware(options as StepCacheOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining(field) }),
    );
  });
});
