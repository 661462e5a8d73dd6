import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { SimError } from '../errors/sim-error';
import { countTokens } from '../tokenizer/tokenizer';
import { simulatedModel } from './simulated-model';

const call = (text: string, extra: Partial<LanguageModelV4CallOptions> = {}): LanguageModelV4CallOptions => ({
  prompt: [{ role: 'user', content: [{ type: 'text', text }] }],
  ...extra,
});

async function readAll(stream: ReadableStream<LanguageModelV4StreamPart>): Promise<LanguageModelV4StreamPart[]> {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

describe('simulatedModel', () => {
  it('is a v4 model whose provider id says sim', () => {
    const model = simulatedModel();
    expect(model.specificationVersion).toBe('v4');
    expect(model.provider).toContain('sim');
    expect(model.modelId).toBe('sim-instruct');
    expect(simulatedModel({ modelId: 'tiny' }).modelId).toBe('tiny');
  });

  it('answers through generateText with usage and sim metadata', async () => {
    const model = simulatedModel({ timeScale: 0, errors: 'none' });
    const result = await generateText({ model, prompt: 'Solve for x: 4x - 6 = 10' });
    expect(result.text).toMatch(/x = 4\b/);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(countTokens(result.text));
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    const sim = result.providerMetadata?.sim as { simulated: boolean; latencyMs: number; ttftMs: number; seed: number; task: string };
    expect(sim.simulated).toBe(true);
    expect(sim.task).toBe('linear');
    expect(sim.ttftMs).toBeGreaterThan(0);
    expect(sim.latencyMs).toBeGreaterThan(sim.ttftMs);
  });

  it('streams stream-start, response-metadata, text-start, one delta per token, text-end, finish', async () => {
    const model = simulatedModel({ timeScale: 0 });
    const options = call('Solve the system: 2a + b = 7 and a - b = 2');
    const generated = await model.doGenerate(options);
    const parts = await readAll((await model.doStream(options)).stream);
    const types = parts.map((p) => p.type);
    const deltas = parts.filter((p): p is Extract<LanguageModelV4StreamPart, { type: 'text-delta' }> => p.type === 'text-delta');
    expect(types.slice(0, 3)).toEqual(['stream-start', 'response-metadata', 'text-start']);
    expect(types.slice(-2)).toEqual(['text-end', 'finish']);
    expect(new Set(types.slice(3, -2))).toEqual(new Set(['text-delta']));
    const text = generated.content[0]?.type === 'text' ? generated.content[0].text : '';
    expect(deltas.map((d) => d.delta).join('')).toBe(text);
    const finish = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'finish' }>;
    expect(finish.usage.outputTokens.total).toBe(deltas.length);
    expect(finish.usage).toEqual(generated.usage);
    expect(finish.providerMetadata?.sim).toEqual(generated.providerMetadata?.sim);
  });

  it('works behind streamText', async () => {
    const model = simulatedModel({ timeScale: 0 });
    const result = streamText({ model, prompt: 'Solve for y: 3y + 2 = 11' });
    const text = await result.text;
    expect(text).toBe((await generateText({ model, prompt: 'Solve for y: 3y + 2 = 11' })).text);
    expect((await result.usage).outputTokens).toBe(countTokens(text));
  });

  it('is deterministic for the same seed and content, and varies with the seeds', async () => {
    const prompts = ['Solve for x: 7x + 2 = 30', 'Solve 2x + 5y = 16, x - y = 1.', 'Solve for t: 3(t - 2) = t + 8', 'What is a good name for a cat?'];
    const texts = async (options: Parameters<typeof simulatedModel>[0], extra: Partial<LanguageModelV4CallOptions> = {}) => {
      const model = simulatedModel({ timeScale: 0, ...options });
      const out: string[] = [];
      for (const p of prompts) {
        const r = await model.doGenerate(call(p, extra));
        out.push(r.content[0]?.type === 'text' ? r.content[0].text : '');
      }
      return out;
    };
    expect(await texts({ seed: 42 })).toEqual(await texts({ seed: 42 }));
    expect(await texts({ seed: 42 }, { seed: 5 })).toEqual(await texts({ seed: 42 }, { seed: 5 }));
    expect(await texts({ seed: 42 })).not.toEqual(await texts({ seed: 43 }));
    expect(await texts({ seed: 42 })).not.toEqual(await texts({ seed: 42 }, { seed: 5 }));
  });

  it('reports length and cuts at maxOutputTokens unless told not to', async () => {
    const model = simulatedModel({ timeScale: 0 });
    const full = await model.doGenerate(call('Solve for x: 9x - 1 = 17'));
    const cut = await model.doGenerate(call('Solve for x: 9x - 1 = 17', { maxOutputTokens: 6 }));
    expect(cut.finishReason.unified).toBe('length');
    expect(cut.usage.outputTokens.total).toBe(6);
    const fullText = full.content[0]?.type === 'text' ? full.content[0].text : '';
    const cutText = cut.content[0]?.type === 'text' ? cut.content[0].text : '';
    expect(fullText.startsWith(cutText)).toBe(true);
    const uncut = await simulatedModel({ timeScale: 0, truncateAtMaxOutputTokens: false }).doGenerate(call('Solve for x: 9x - 1 = 17', { maxOutputTokens: 6 }));
    expect(uncut.finishReason.unified).toBe('stop');
    expect(uncut.usage.outputTokens.total).toBe(full.usage.outputTokens.total);
  });

  it('honours stop sequences', async () => {
    const model = simulatedModel({ timeScale: 0, errors: 'none' });
    const r = await model.doGenerate(call('Solve for x: 2x + 3 = 7', { stopSequences: ['x = 2'] }));
    const text = r.content[0]?.type === 'text' ? r.content[0].text : '';
    expect(text).not.toContain('x = 2');
  });

  it('rejects with an AbortError when aborted before or during a call', async () => {
    const model = simulatedModel({ timeScale: 1 });
    const aborted = AbortSignal.abort();
    await expect(model.doGenerate(call('Solve 2x = 4.', { abortSignal: aborted }))).rejects.toMatchObject({ name: 'AbortError' });
    await expect(model.doStream(call('Solve 2x = 4.', { abortSignal: aborted }))).rejects.toMatchObject({ name: 'AbortError' });

    const controller = new AbortController();
    const pending = model.doGenerate(call('Solve 2x = 4.', { abortSignal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const streaming = new AbortController();
    const { stream } = await model.doStream(call('Solve 2x = 4.', { abortSignal: streaming.signal }));
    const reader = stream.getReader();
    expect((await reader.read()).value?.type).toBe('stream-start');
    streaming.abort();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('warns that tools are not supported', async () => {
    const model = simulatedModel({ timeScale: 0 });
    const r = await model.doGenerate(call('hello', { tools: [{ type: 'function', name: 'f', inputSchema: { type: 'object' } }] }));
    expect(r.warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'tools' })]);
  });

  it('rejects bad options with an error naming the field', () => {
    const cases: Array<[Parameters<typeof simulatedModel>[0], string]> = [
      [{ timeScale: -1 }, 'timeScale'],
      [{ seed: 1.5 }, 'seed'],
      [{ modelId: '' }, 'modelId'],
      [{ latency: { perOutputTokenMs: Number.NaN } }, 'latency.perOutputTokenMs'],
      [{ latency: { jitter: 1 } }, 'latency.jitter'],
      [{ errors: { arithmeticSlip: 2 } }, 'errors.arithmeticSlip'],
      [{ errors: { bogus: 0.1 } as never }, 'errors.bogus'],
    ];
    for (const [options, field] of cases) {
      let caught: unknown;
      try {
        simulatedModel(options);
      } catch (error) {
        caught = error;
      }
      expect(SimError.isInstance(caught), field).toBe(true);
      expect((caught as SimError).code).toBe('INVALID_OPTION');
      expect((caught as SimError).details.field).toBe(field);
      expect((caught as SimError).message).toContain(field);
    }
  });
});
