import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import type { StepCacheOptions } from '../options/stepcache-options';
import type { StepCacheEvent } from '../report/stepcache-event';
import { stepCacheMiddleware } from '../stepcache-middleware';
import type { ScriptedReply } from '../test-utils/scripted-model';
import { lastUserText, promptText, scriptedModel } from '../test-utils/scripted-model';

type Answerer = (options: LanguageModelV4CallOptions) => string | ScriptedReply;

function setup(answer: Answerer, options: StepCacheOptions = {}) {
  const events: StepCacheEvent[] = [];
  const base = scriptedModel(answer);
  const model = wrapLanguageModel({
    model: base,
    middleware: stepCacheMiddleware({ onEvent: (e) => events.push(e), ...options }),
  });
  const stream = async (prompt: string, extra: { abortSignal?: AbortSignal } = {}) => {
    const before = base.doStreamCalls.length;
    const parts: Array<{ type: string; text?: string }> = [];
    let error: unknown;
    const result = streamText({
      model,
      prompt,
      ...extra,
      onError: ({ error: e }) => {
        error = e;
      },
    });
    for await (const part of result.fullStream) parts.push(part as { type: string; text?: string });
    const deltas = parts.filter((p) => p.type === 'text-delta').map((p) => p.text ?? '');
    const finish = (await Promise.resolve(result.providerMetadata).catch(() => undefined))?.stepcache as Record<string, unknown> | undefined;
    return {
      parts,
      deltas,
      text: deltas.join(''),
      meta: finish,
      usage: await Promise.resolve(result.usage).catch(() => undefined),
      calls: base.doStreamCalls.slice(before),
      error,
    };
  };
  return { base, model, stream, events };
}

const FIX = {
  q1: 'Solve for x: 2x + 3 = 7',
  a1: 'Step 1: Subtract 3 from both sides: 2x = 4\nStep 2: Divide both sides by 2: x = 2\nFinal answer: x = 2',
  q2: 'Solve 3(x + 2) = 21',
  a2: 'Step 1: Expand the left side: 3(x + 2) = 3x + 6\nStep 2: So 3x + 6 = 21\nStep 3: Subtract 6 from both sides: 3x = 15\nStep 4: Divide by 3: x = 5\nFinal answer: x = 5',
  q3: 'Solve 3(x + 2) = x + 24',
};

describe('streamText over stepCacheMiddleware', () => {
  it('sends a reused answer at once as proper text parts, with zero usage and no model call', async () => {
    const { stream } = setup(() => FIX.a1);
    const miss = await stream(FIX.q1);
    const hit = await stream(FIX.q1);
    expect(hit.text).toBe(miss.text);
    expect(hit.calls).toHaveLength(0);
    expect(hit.text).toBe((await stream(FIX.q1)).text);
    expect(hit.text).toMatch(/Final answer: x = 2$/);
    expect(hit.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(hit.usage?.outputTokens).toBe(0);
    const types = hit.parts.map((p) => p.type);
    expect(types.indexOf('text-start')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('text-end'));
    expect(types.at(-1)).toBe('finish');
  });

  it('streams a patch: verified prefix first, a wrong suffix step never shown, correct end', async () => {
    let patchCalls = 0;
    const { stream } = setup((options) => {
      const all = promptText(options);
      if (lastUserText(options) === FIX.q2) return FIX.a2;
      if (all.includes(FIX.q3) && options.prompt.some((m) => m.role === 'assistant')) {
        patchCalls += 1;
        // First continuation slips (3x = 17); the repair is right.
        return patchCalls === 1
          ? 'Step 2: So 3x + 6 = x + 24\nStep 3: Subtract x and 6 from both sides: 2x = 17\nStep 4: x = 17/2\nFinal answer: x = 17/2'
          : 'Step 3: Subtract x and 6 from both sides: 2x = 18\nStep 4: Divide by 2: x = 9\nFinal answer: x = 9';
      }
      return 'unexpected';
    }, { minSimilarity: 0.3 });
    await stream(FIX.q2);
    const patched = await stream(FIX.q3);
    expect(patched.meta).toMatchObject({ path: 'patch', reusedSteps: 1, modelCalls: 2 });
    expect(patched.text).toMatch(/x = 9\s*$/);
    expect(patched.text).not.toContain('17');
    expect(patched.deltas[0]).toContain('3(x + 2) = 3x + 6');
    expect(patched.deltas[0]).not.toContain('24');
  });

  it('releases a miss of a verifiable task step by step and repairs a slip inside the stream', async () => {
    const { stream } = setup((options) =>
      options.prompt.some((m) => m.role === 'assistant')
        ? 'Step 2: Divide both sides by 2: x = 2\nFinal answer: x = 2'
        : 'Step 1: Subtract 3 from both sides: 2x = 4\nStep 2: Divide both sides by 2: x = 3\nFinal answer: x = 3',
    );
    const result = await stream(FIX.q1);
    expect(result.text).not.toContain('x = 3');
    expect(result.text).toMatch(/x = 2\s*$/);
    expect(result.meta).toMatchObject({ path: 'miss', modelCalls: 2, patchedSteps: 1 });
    expect(result.deltas.length).toBeGreaterThanOrEqual(2);
  });

  it('falls back to the exact answer when every streamed attempt is wrong', async () => {
    const { stream } = setup(() => 'Final answer: x = 9');
    const result = await stream(FIX.q1);
    expect(result.meta).toMatchObject({ fallback: true, modelCalls: 3 });
    expect(result.text).toMatch(/x = 2\s*$/);
    expect(result.text).not.toContain('x = 9');
  });

  it('passes a free-text stream through untouched and stores it after a clean finish', async () => {
    const reply = 'Paris is the capital of France.';
    const { base, stream } = setup(() => reply);
    const miss = await stream('What is the capital of France?');
    const modelParts = await readAll((await base.doStream({ prompt: [] } as never)).stream);
    const modelDeltas = modelParts.filter((p) => p.type === 'text-delta').map((p) => (p as { delta: string }).delta);
    expect(miss.deltas).toEqual(modelDeltas);
    expect(miss.meta).toMatchObject({ path: 'miss', task: 'text', stored: true });
    const hit = await stream('What is the capital of France?');
    expect(hit.meta?.path).toBe('reuse');
    expect(hit.text).toBe(reply);
  });

  it("with streamMisses: 'passthrough', passes a verifiable miss through untouched and stores it only if it verifies", async () => {
    const right = 'Step 1: Subtract 3 from both sides: 2x = 4\nStep 2: Divide both sides by 2: x = 2\nFinal answer: x = 2';
    const wrong = right.replace(/x = 2/g, 'x = 3');
    let reply = wrong;
    const { base, stream } = setup(() => reply, { streamMisses: 'passthrough' });
    const slipped = await stream(FIX.q1);
    // The model's chunks exactly: no gating, no repair call.
    expect(slipped.deltas).toEqual(wrong.match(/\S+\s*|\s+/g));
    expect(slipped.meta).toMatchObject({ path: 'miss', task: 'linear-equation', modelCalls: 1, verified: false, stored: false });
    expect(base.doStreamCalls).toHaveLength(1);

    reply = right;
    const clean = await stream(FIX.q1);
    expect(clean.text).toBe(right);
    expect(clean.meta).toMatchObject({ path: 'miss', verified: true, stored: true });
    const hit = await stream(FIX.q1);
    expect(hit.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(hit.text).toBe(right);
  });

  it('refuses an unknown streamMisses value, naming the option', () => {
    expect(() => stepCacheMiddleware({ streamMisses: 'fast' as never })).toThrow(/streamMisses must be "verified" or "passthrough"/);
  });

  it('stores nothing from a stream that ends in an error part', async () => {
    let fail = true;
    const { stream } = setup(() => (fail ? { text: 'Paris is', error: new Error('connection reset') } : 'Paris.'));
    const broken = await stream('What is the capital of France?');
    expect(broken.error).toBeDefined();
    fail = false;
    const again = await stream('What is the capital of France?');
    expect(again.meta?.path).toBe('miss');
    expect(again.text).toBe('Paris.');
  });

  it('stores nothing from a stream that was cut off', async () => {
    const { stream } = setup(() => ({ text: 'Paris is', finishReason: 'length' }));
    const cut = await stream('What is the capital of France?');
    expect(cut.meta).toMatchObject({ stored: false });
    expect((await stream('What is the capital of France?')).meta?.path).toBe('miss');
  });

  it('stores nothing and stops patching when the caller aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const { stream, events } = setup(() => {
      calls += 1;
      // The first reply is wrong; the caller gives up while the repair call is under way.
      if (calls === 2) controller.abort();
      return 'Step 1: Subtract 3 from both sides: 2x = 5\nFinal answer: x = 2.5';
    });
    const aborted = await stream(FIX.q1, { abortSignal: controller.signal });
    expect(aborted.text).not.toContain('2.5');
    expect(events.some((e) => e.type === 'store')).toBe(false);
    expect(events.some((e) => e.type === 'fallback')).toBe(false);
    expect(calls).toBe(2);
    expect(aborted.parts.some((p) => p.type === 'abort' || p.type === 'error')).toBe(true);
  });

  it('reaches the same answers streaming as generating for one workload', async () => {
    const workload = [FIX.q1, FIX.q2, FIX.q3, 'Solve for a: 2a + 3 = 7', FIX.q1, 'What is the capital of France?'];
    const answer: Answerer = (options) => {
      const all = promptText(options);
      if (all.includes('capital')) return 'Paris.';
      // A sloppy model: always the same, mostly wrong, derivation.
      return 'Step 1: Subtract 3 from both sides: 2x = 4\nFinal answer: x = 2';
    };
    const generated = setup(answer);
    const streamed = setup(answer);
    for (const prompt of workload) {
      const viaGenerate = await generateText({ model: generated.model, prompt });
      const viaStream = await streamed.stream(prompt);
      expect(finalLine(viaStream.text)).toBe(finalLine(viaGenerate.text));
      expect(viaStream.meta?.path).toBe((viaGenerate.providerMetadata?.stepcache as { path: string }).path);
    }
  });
});

function finalLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

async function readAll(stream: ReadableStream<LanguageModelV4StreamPart>): Promise<LanguageModelV4StreamPart[]> {
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
