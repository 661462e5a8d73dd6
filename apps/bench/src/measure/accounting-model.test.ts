import { simulatedModel } from '@stepcache/sim';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { accountingModel } from './accounting-model';
import { CallLedger } from './call-ledger';

describe('accountingModel', () => {
  it('records tokens and the simulated model time of every call of a request', async () => {
    const ledger = new CallLedger();
    const model = accountingModel(simulatedModel({ timeScale: 0, seed: 3 }), ledger);
    ledger.begin();
    const a = await generateText({ model, prompt: 'Solve for x: 2x + 3 = 7' });
    const b = await generateText({ model, prompt: 'Solve for x: 5x - 1 = 9' });
    const calls = ledger.end();
    const sim = (r: typeof a) => (r.providerMetadata?.sim as { latencyMs: number }).latencyMs;
    expect(calls.modelCalls).toBe(2);
    expect(calls.inputTokens).toBe((a.usage.inputTokens ?? 0) + (b.usage.inputTokens ?? 0));
    expect(calls.outputTokens).toBe((a.usage.outputTokens ?? 0) + (b.usage.outputTokens ?? 0));
    expect(calls.simulatedMs).toBeCloseTo(sim(a) + sim(b), 6);
    ledger.begin();
    expect(ledger.end().modelCalls).toBe(0);
  });

  it('records streamed calls when the stream finishes', async () => {
    const ledger = new CallLedger();
    const model = accountingModel(simulatedModel({ timeScale: 0, seed: 3 }), ledger);
    ledger.begin();
    const result = streamText({ model, prompt: 'Solve for x: 2x + 3 = 7' });
    await result.text;
    const calls = ledger.end();
    expect(calls.calls.map((c) => c.kind)).toEqual(['stream']);
    expect(calls.outputTokens).toBe((await result.usage).outputTokens);
    expect(calls.simulatedMs).toBeGreaterThan(0);
  });
});
