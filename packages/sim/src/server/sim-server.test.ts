import { createOpenAI } from '@ai-sdk/openai';
import { generateText, Output, streamText } from 'ai';
import { createOllama } from 'ollama-ai-provider-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SimServer } from './sim-server';
import { startSimServer } from './sim-server';

let server: SimServer;

beforeAll(async () => {
  server = await startSimServer({ port: 0, timeScale: 0, errors: 'none' });
});

afterAll(async () => {
  await server.close();
});

const person = z.object({ name: z.string(), age: z.number().int(), city: z.string() });
const personPrompt = 'Extract the person.\n\nName: Maria Lopez\nAge: 34\nCity: Lisbon';

describe('startSimServer', () => {
  it('binds loopback on a free port and labels itself simulated', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/version`);
    expect(res.headers.get('x-stepcache-simulated')).toBe('true');
    expect(((await res.json()) as { version: string }).version).toContain('sim');
    const tags = (await (await fetch(`${server.url}/api/tags`)).json()) as { models: Array<{ name: string }> };
    expect(tags.models.map((m) => m.name)).toEqual(['sim-instruct:latest']);
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(models.data.map((m) => m.id)).toEqual(['sim-instruct']);
  });

  describe('through ollama-ai-provider-v2', () => {
    const ollama = () => createOllama({ baseURL: `${server.url}/api` });

    it('generates a worked solution with usage', async () => {
      const result = await generateText({ model: ollama()('sim-instruct'), prompt: 'Solve for x: 2x + 3 = 7' });
      expect(result.text).toMatch(/x = 2\b/);
      expect(result.finishReason).toBe('stop');
      expect(result.usage.outputTokens).toBeGreaterThan(5);
      expect(result.usage.inputTokens).toBeGreaterThan(5);
    });

    it('streams the same text as it generates', async () => {
      const prompt = 'Solve the system: x + y = 10 and x - y = 2';
      const whole = await generateText({ model: ollama()('sim-instruct'), prompt });
      const stream = streamText({ model: ollama()('sim-instruct'), prompt });
      const deltas: string[] = [];
      const types: string[] = [];
      for await (const part of stream.fullStream) {
        types.push(part.type);
        if (part.type === 'text-delta') deltas.push(part.text);
      }
      expect(types).not.toContain('error');
      expect(deltas.length).toBeGreaterThan(10);
      expect(deltas.join('')).toBe(whole.text);
      expect(await stream.finishReason).toBe('stop');
    });

    it('returns a schema-valid object for a JSON schema format', async () => {
      const result = await generateText({ model: ollama()('sim-instruct'), output: Output.object({ schema: person }), prompt: personPrompt });
      expect(result.output).toEqual({ name: 'Maria Lopez', age: 34, city: 'Lisbon' });
    });
  });

  describe('through @ai-sdk/openai', () => {
    const openai = () => createOpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sim' });

    it('works with the Responses API (default model)', async () => {
      const result = await generateText({ model: openai()('sim-instruct'), prompt: 'Solve for x: 5x - 4 = 11' });
      expect(result.text).toMatch(/x = 3\b/);
      expect(result.usage.outputTokens).toBeGreaterThan(5);
      const stream = streamText({ model: openai()('sim-instruct'), prompt: 'Solve for x: 5x - 4 = 11' });
      expect(await stream.text).toBe(result.text);
      expect((await stream.usage).outputTokens).toBe(result.usage.outputTokens);
    });

    it('works with Chat Completions', async () => {
      const result = await generateText({ model: openai().chat('sim-instruct'), prompt: 'Solve for x: 5x - 4 = 11' });
      expect(result.text).toMatch(/x = 3\b/);
      const stream = streamText({ model: openai().chat('sim-instruct'), prompt: 'Solve for x: 5x - 4 = 11' });
      expect(await stream.text).toBe(result.text);
      expect((await stream.usage).inputTokens).toBe(result.usage.inputTokens);
    });

    it('returns schema-valid objects through both APIs', async () => {
      for (const model of [openai()('sim-instruct'), openai().chat('sim-instruct')]) {
        const result = await generateText({ model, output: Output.object({ schema: person }), prompt: personPrompt });
        expect(result.output).toEqual({ name: 'Maria Lopez', age: 34, city: 'Lisbon' });
        const stream = streamText({ model, output: Output.object({ schema: person }), prompt: personPrompt });
        expect(await stream.output).toEqual({ name: 'Maria Lopez', age: 34, city: 'Lisbon' });
      }
    });
  });

  describe('raw HTTP', () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('answers malformed requests with 400 naming the field', async () => {
      const cases: Array<[string, unknown, string]> = [
        ['/api/chat', { messages: [] }, 'model'],
        ['/api/chat', { model: 'm', messages: [{ role: 'robot', content: 'hi' }] }, 'messages[0].role'],
        ['/api/chat', { model: 'm', messages: [], format: 42 }, 'format'],
        ['/api/chat', { model: 'm', messages: [], options: { num_predict: 'ten' } }, 'options.num_predict'],
        ['/v1/chat/completions', { model: 'm', messages: 'hi' }, 'messages'],
        ['/v1/chat/completions', { model: 'm', messages: [], response_format: { type: 'xml' } }, 'response_format.type'],
        ['/v1/chat/completions', { model: 'm', messages: [], max_tokens: -1 }, 'max_tokens'],
        [
          '/v1/chat/completions',
          {
            model: 'm',
            messages: [],
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'r', strict: true, schema: { type: 'object', properties: { job: {} }, required: ['job'], additionalProperties: false } },
            },
          },
          'response_format.json_schema.schema.properties.job',
        ],
        ['/v1/responses', { model: 'm', input: 3 }, 'input'],
        ['/v1/responses', { model: 'm', input: [{ role: 'user', content: [{ type: 'input_text', text: 5 }] }] }, 'input[0].content[0].text'],
      ];
      for (const [path, body, field] of cases) {
        const res = await post(path, body);
        expect(res.status, `${path} ${field}`).toBe(400);
        const error = ((await res.json()) as { error: { message: string; param: string } }).error;
        expect(error.param).toBe(field);
        expect(error.message).toContain(field);
      }
      const notJson = await fetch(`${server.url}/api/chat`, { method: 'POST', body: '{nope' });
      expect(notJson.status).toBe(400);
      expect((await fetch(`${server.url}/v2/nothing`)).status).toBe(404);
    });

    it('labels every answer as simulated and honours num_predict and seed', async () => {
      const messages = [{ role: 'user', content: 'Solve for x: 3x + 1 = 10' }];
      const full = (await (await post('/api/chat', { model: 'sim-instruct', messages, stream: false })).json()) as {
        message: { content: string };
        done_reason: string;
        eval_count: number;
        sim: { simulated: boolean; latencyMs: number };
      };
      expect(full.sim.simulated).toBe(true);
      expect(full.sim.latencyMs).toBeGreaterThan(0);
      expect(full.done_reason).toBe('stop');
      const cut = (await (await post('/api/chat', { model: 'sim-instruct', messages, stream: false, options: { num_predict: 4 } })).json()) as typeof full;
      expect(cut.done_reason).toBe('length');
      expect(cut.eval_count).toBe(4);
      expect(full.message.content.startsWith(cut.message.content)).toBe(true);
      const chat = (await (await post('/v1/chat/completions', { model: 'x', messages, seed: 7 })).json()) as { sim: { simulated: boolean; seed: number } };
      const again = (await (await post('/v1/chat/completions', { model: 'x', messages, seed: 8 })).json()) as typeof chat;
      expect(chat.sim.simulated).toBe(true);
      expect(chat.sim.seed).not.toBe(again.sim.seed);
    });

    it('streams OpenAI chat chunks with usage only when asked', async () => {
      const body = { model: 'm', stream: true, messages: [{ role: 'user', content: 'Solve 2x = 8.' }] };
      const plain = await (await post('/v1/chat/completions', body)).text();
      const withUsage = await (await post('/v1/chat/completions', { ...body, stream_options: { include_usage: true } })).text();
      const events = (text: string) => text.split('\n\n').filter((e) => e.startsWith('data: ') && e !== 'data: [DONE]').map((e) => JSON.parse(e.slice(6)) as { choices: unknown[]; usage?: unknown });
      expect(plain.trim().endsWith('data: [DONE]')).toBe(true);
      expect(events(plain).some((e) => e.usage)).toBe(false);
      const last = events(withUsage).at(-1);
      expect(last?.choices).toEqual([]);
      expect(last?.usage).toMatchObject({ completion_tokens: expect.any(Number), prompt_tokens: expect.any(Number) });
    });
  });

  it('stops streaming when the client aborts, and keeps serving', async () => {
    const slow = await startSimServer({ timeScale: 1 });
    try {
      const controller = new AbortController();
      const res = await fetch(`${slow.url}/api/chat`, {
        method: 'POST',
        body: JSON.stringify({ model: 'sim-instruct', messages: [{ role: 'user', content: 'Solve a + b + c = 6, 2a - b + c = 3, a + 2b - c = 2' }] }),
        signal: controller.signal,
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).done).toBe(false);
      controller.abort();
      await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
      const after = await fetch(`${slow.url}/api/version`);
      expect(after.status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
