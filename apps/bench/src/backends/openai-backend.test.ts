import { stepCacheMiddleware } from '@stepcache/middleware';
import type { SimServer } from '@stepcache/sim';
import { startSimServer } from '@stepcache/sim';
import { generateText, Output, wrapLanguageModel } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCliOptions } from '../cli/cli-options';
import { runBenchmark } from '../run/run-benchmark';
import { openaiBackend } from './openai-backend';

// The simulated backend's OpenAI-compatible server refuses what a real OpenAI endpoint refuses,
// including schemas that break strict structured outputs (@ai-sdk/openai sends strict: true).
let server: SimServer;
beforeAll(async () => {
  server = await startSimServer({ port: 0, timeScale: 0, errors: 'none' });
});
afterAll(async () => {
  await server.close();
});

const text = 'Name: David Silva\nCity: Munich\nEmail: david.silva@example.com\nOccupation: chef';

describe('StepCache on the openai backend (SIMULATED server speaking the OpenAI API)', () => {
  async function model() {
    const opened = await openaiBackend({ modelId: 'sim-instruct', apiKey: 'sim', baseURL: `${server.url}/v1` }).open(42);
    return wrapLanguageModel({ model: opened.newModel(), middleware: stepCacheMiddleware() });
  }

  it('patches a key added to a prompt key list (Output.json) with a call the strict API accepts', async () => {
    const cached = await model();
    const ask = (keys: string) => generateText({ model: cached, output: Output.json(), prompt: `Answer in JSON with the keys ${keys}.\n\n${text}` });
    await ask('fullName and email');
    const result = await ask('fullName, email and job');
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(result.providerMetadata?.stepcache).toMatchObject({ path: 'patch', patchedKeys: ['job'], modelCalls: 1 });
  });

  it('patches a key added to a zod schema with a strict sub-schema', async () => {
    const cached = await model();
    const base = z.object({ name: z.string(), city: z.string() });
    await generateText({ model: cached, output: Output.object({ schema: base }), prompt: `Extract the customer.\n\n${text}` });
    const result = await generateText({
      model: cached,
      output: Output.object({ schema: base.extend({ email: z.string() }) }),
      prompt: `Extract the customer.\n\n${text}`,
    });
    expect(result.output).toEqual({ name: 'David Silva', city: 'Munich', email: 'david.silva@example.com' });
    expect(result.providerMetadata?.stepcache).toMatchObject({ path: 'patch', patchedKeys: ['email'], modelCalls: 1 });
  });
});

describe('a "real" backend URL that points at the simulator', () => {
  it('is reported as SIMULATED, because the simulator says so on every answer', async () => {
    const options = parseCliOptions(['--backend', 'openai', '--model', 'sim-instruct', '--quick', '--no-micro', '--bases', '1', '--systems', 'no-cache,stepcache'], {
      OPENAI_API_KEY: 'sim',
      OPENAI_BASE_URL: `${server.url}/v1`,
    });
    expect(options.bench.backend.simulated).toBe(false);
    const report = await runBenchmark(options.bench);
    expect(report.meta.simulated).toBe(true);
    expect(report.meta.title).toMatch(/^StepCache benchmark — SIMULATED backend: .*the server is the SIMULATED StepCache model/);
    expect(report.meta.backend.description).not.toMatch(/real backend/);
  });
});

