import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { generateObject, generateText, jsonSchema, Output, wrapLanguageModel } from 'ai';
import type { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StepCacheOptions } from '../options/stepcache-options';
import type { StepCacheEvent } from '../report/stepcache-event';
import { stepCacheMiddleware } from '../stepcache-middleware';
import type { JsonRecord } from '../test-utils/json-model';
import { jsonModel, requestedKeys } from '../test-utils/json-model';
import { lastUserText } from '../test-utils/scripted-model';

const ANN: JsonRecord = {
  marker: 'Ann Berg',
  values: { name: 'Ann Berg', age: 34, city: 'Lisbon', email: 'ann@berg.io', member: true },
};
const BO: JsonRecord = {
  marker: 'Bo Lind',
  values: { name: 'Bo Lind', age: 41, city: 'Lisbon', email: 'bo@lind.io', member: false },
};
const ask = (record: JsonRecord) =>
  `Extract the customer from the record below.\n\nRecord:\nName: ${String(record.values.name)}\nAge: ${String(record.values.age)}\nCity: ${String(record.values.city)}\nEmail: ${String(record.values.email)}\nMember: ${record.values.member === true ? 'yes' : 'no'}`;

const person = z.object({ name: z.string(), age: z.number().int(), city: z.string() });
const personWithEmail = person.extend({ email: z.string() });
const rawPerson = jsonSchema<{ name: string; age: number; city: string }>({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' }, city: { type: 'string' } },
  required: ['name', 'age', 'city'],
  additionalProperties: false,
});

function setup(model: MockLanguageModelV4, options: StepCacheOptions = {}) {
  const events: StepCacheEvent[] = [];
  const wrapped = wrapLanguageModel({ model, middleware: stepCacheMiddleware({ onEvent: (e) => events.push(e), ...options }) });
  const calls = () => model.doGenerateCalls.length;
  return { model: wrapped, events, calls, callOptions: (from: number): LanguageModelV4CallOptions[] => model.doGenerateCalls.slice(from) };
}
const meta = (result: { providerMetadata?: Record<string, unknown> | undefined }) => result.providerMetadata?.stepcache as Record<string, unknown>;

describe('structured output through generateObject and Output.object', () => {
  it.each([
    ['a code fence', (json: string) => `\`\`\`json\n${json}\n\`\`\``],
    ['prose around the JSON', (json: string) => `Here is the JSON:\n${json}\nLet me know if you need anything else.`],
    ['a trailing comma', (json: string) => json.replace(/}$/, ',}')],
    ['single quotes', (json: string) => json.replace(/"/g, "'")],
  ])('repairs %s locally, with no extra call, and serves clean JSON (zod)', async (_name, wrap) => {
    const { model, calls } = setup(jsonModel([ANN], (o) => wrap(JSON.stringify(o))));
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'miss', task: 'json', modelCalls: 1, stored: true });
  });

  it('repairs types locally when the fix loses nothing (one-item array, numeric string), with no extra call', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => JSON.stringify({ ...o, name: [o.name], age: String(o.age) })));
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'miss', task: 'json', modelCalls: 1, stored: true });
  });

  it('never invents a value by coercion: a null integer costs a repair call', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o, call) => JSON.stringify(call === 0 ? { ...o, age: null } : o)));
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(2);
  });

  it('does the same through generateText + Output.object with a raw JSON schema, and reuses the exact repeat', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => `Sure!\n\`\`\`\n${JSON.stringify(o, null, 2)}\n\`\`\``));
    const first = await generateText({ model, output: Output.object({ schema: rawPerson }), prompt: ask(ANN) });
    expect(first.output).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(JSON.parse(first.text)).toEqual(first.output);
    const again = await generateText({ model, output: Output.object({ schema: rawPerson }), prompt: ask(ANN) });
    expect(again.output).toEqual(first.output);
    expect(calls()).toBe(1);
    expect(meta(again)).toMatchObject({ path: 'reuse', task: 'json', modelCalls: 0, reusedSteps: 3, reusedKeys: ['name', 'age', 'city'] });
    expect(again.usage.outputTokens).toBe(0);
  });

  it('repairs a missing required key with exactly one call that asks for that key only', async () => {
    const { model, calls, callOptions } = setup(
      jsonModel([ANN], (o, call) => {
        if (call > 0) return JSON.stringify(o);
        const { age: _dropped, ...rest } = o;
        return JSON.stringify(rest);
      }),
    );
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(2);
    const repair = callOptions(1)[0]!;
    expect(requestedKeys(repair)).toEqual(['age']);
    expect(lastUserText(repair)).toContain('Fix: "age" is missing (required).');
    expect(meta(result)).toMatchObject({ path: 'miss', modelCalls: 2, patchedSteps: 1, patchedKeys: ['age'], stored: true });
  });

  it('asks for every failing key of a reply in the one repair call', async () => {
    const { model, calls, callOptions } = setup(
      jsonModel([ANN], (o, call) => JSON.stringify(call === 0 ? { ...o, name: 7, age: 'unknown' } : o)),
    );
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(2);
    expect(requestedKeys(callOptions(1)[0]!)).toEqual(['name', 'age']);
    expect(meta(result)).toMatchObject({ patchedKeys: ['name', 'age'] });
  });

  it('serves but never stores an answer built on a cut-off generation', async () => {
    const { model, calls } = setup(
      jsonModel([ANN], (o, call) =>
        call === 0 ? { text: `{"name": "Ann Berg", "age": 34, "city": "Lis`, finishReason: 'length' } : JSON.stringify(o),
      ),
    );
    const first = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(first.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(meta(first)).toMatchObject({ path: 'miss', patchedKeys: ['city'], stored: false });
    const again = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(meta(again).path).toBe('miss');
    expect(calls()).toBe(3);
  });

  it('patches a key the new schema added with one call for that key only, sending its sub-schema', async () => {
    const { model, calls, callOptions } = setup(jsonModel([ANN]));
    await generateObject({ model, schema: person, prompt: ask(ANN) });
    const before = calls();
    const result = await generateObject({ model, schema: personWithEmail, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon', email: 'ann@berg.io' });
    expect(calls() - before).toBe(1);
    const patch = callOptions(before)[0]!;
    expect(patch.responseFormat).toMatchObject({
      type: 'json',
      schema: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'], additionalProperties: false },
    });
    expect(meta(result)).toMatchObject({
      path: 'patch',
      reusedSteps: 3,
      patchedSteps: 1,
      reusedKeys: ['name', 'age', 'city'],
      patchedKeys: ['email'],
      modelCalls: 1,
    });
  });

  it('drops a key the new schema removed and reuses the rest with no call', async () => {
    const { model, calls } = setup(jsonModel([ANN]));
    await generateObject({ model, schema: personWithEmail, prompt: ask(ANN) });
    const result = await generateObject({ model, schema: person.pick({ name: true, city: true }), prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', city: 'Lisbon' });
    expect(calls()).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'reuse', modelCalls: 0, reusedKeys: ['name', 'city'] });
  });

  // Different records are not near neighbours for the default threshold; a lower one makes the
  // cached record a candidate, so the per-value reuse rule is what decides.
  it('never serves a value read from another source text', async () => {
    const { model, calls, callOptions } = setup(jsonModel([ANN, BO]), { minSimilarity: 0 });
    await generateObject({ model, schema: personWithEmail, prompt: ask(ANN) });
    const before = calls();
    const result = await generateObject({ model, schema: personWithEmail, prompt: ask(BO) });
    expect(result.object).toEqual({ name: 'Bo Lind', age: 41, city: 'Lisbon', email: 'bo@lind.io' });
    // Only the city is stated the same way in both records; everything else came from the model.
    expect(meta(result)).toMatchObject({ path: 'patch', reusedKeys: ['city'], patchedKeys: ['name', 'age', 'email'] });
    expect(JSON.stringify(callOptions(before))).not.toMatch(/Ann Berg|ann@berg\.io|\b34\b/);
  });

  it('regenerates a boolean when the source text changed, even if the old value would validate', async () => {
    const account = z.object({ city: z.string(), member: z.boolean() });
    const { model } = setup(jsonModel([ANN, BO]), { minSimilarity: 0 });
    await generateObject({ model, schema: account, prompt: ask(ANN) });
    const result = await generateObject({ model, schema: account, prompt: ask(BO) });
    expect(result.object).toEqual({ city: 'Lisbon', member: false });
    expect(meta(result)).toMatchObject({ path: 'patch', reusedKeys: ['city'], patchedKeys: ['member'] });
  });

  it('skips reuse when no cached value holds for the new source text', async () => {
    const { model } = setup(jsonModel([ANN, BO]), { minSimilarity: 0 });
    await generateObject({ model, schema: person.pick({ name: true, age: true }), prompt: ask(ANN) });
    const result = await generateObject({ model, schema: person.pick({ name: true, age: true }), prompt: ask(BO) });
    expect(result.object).toEqual({ name: 'Bo Lind', age: 41 });
    expect(meta(result)).toMatchObject({ path: 'skip', reason: expect.stringContaining('no cached step verified') });
  });

  it('skips reuse when the task changed', async () => {
    const { model, events } = setup(jsonModel([ANN]));
    await generateObject({ model, schema: person, prompt: ask(ANN) });
    const result = await generateObject({ model, schema: person, prompt: ask(ANN).replace('Extract the customer from', 'Summarize') });
    expect(meta(result)).toMatchObject({ path: 'skip', modelCalls: 1 });
    expect(events.some((e) => e.type === 'skip' && /another task/.test(e.reason))).toBe(true);
  });

  it('throws STRUCTURED_OUTPUT_INVALID naming the path when the one repair still fails, and stores nothing', async () => {
    let broken = true;
    const { model, calls } = setup(jsonModel([ANN], (o) => JSON.stringify(broken ? { ...o, age: 'thirty-four' } : o)));
    await expect(generateObject({ model, schema: person, prompt: ask(ANN), maxRetries: 0 })).rejects.toMatchObject({
      name: 'StepCacheError',
      code: 'STRUCTURED_OUTPUT_INVALID',
      message: expect.stringMatching(/after 2 model call\(s\).*\/age must be integer \(got "thirty-four"\)/),
      details: expect.objectContaining({ paths: ['/age'] }),
    });
    expect(calls()).toBe(2);
    broken = false;
    const next = await generateObject({ model, schema: person, prompt: ask(ANN) });
    // Nothing was stored by the failed request: this one is a miss, not a reuse.
    expect(meta(next)).toMatchObject({ path: 'miss', stored: true });
    expect(next.object.age).toBe(34);
  });

  it('honours maxRepairs: 0 — an invalid answer fails at once instead of being served', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => JSON.stringify({ name: o.name })), { maxRepairs: 0 });
    await expect(generateObject({ model, schema: person, prompt: ask(ANN), maxRetries: 0 })).rejects.toMatchObject({
      code: 'STRUCTURED_OUTPUT_INVALID',
      message: expect.stringMatching(/\/age is missing \(required\).*\/city is missing \(required\)/),
    });
    expect(calls()).toBe(1);
  });

  it('drops a key the schema forbids without a call', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => JSON.stringify({ ...o, confidence: 0.9 })));
    const result = await generateObject({ model, schema: person, prompt: ask(ANN) });
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(calls()).toBe(1);
  });

  it('serves Output.json (no schema) as clean JSON', async () => {
    const { model } = setup(jsonModel([ANN], (o) => `\`\`\`json\n${JSON.stringify(o)}\n\`\`\``));
    const result = await generateText({ model, output: Output.json(), prompt: ask(ANN) });
    expect(result.output).toEqual(ANN.values);
    expect(meta(result)).toMatchObject({ task: 'json', path: 'miss' });
  });

  it('treats a JSON request whose prompt holds an equation as a JSON task', async () => {
    const { model } = setup(jsonModel([{ marker: '2x + 3 = 7', values: { x: 2 } }]));
    const result = await generateObject({ model, schema: z.object({ x: z.number() }), prompt: 'Solve 2x + 3 = 7 and return x.' });
    expect(result.object).toEqual({ x: 2 });
    expect(meta(result)).toMatchObject({ task: 'json' });
  });

  it('keeps the schema in the partition for text requests', async () => {
    const { model, calls } = setup(jsonModel([ANN]));
    await generateObject({ model, schema: person, prompt: ask(ANN) });
    const text = await generateText({ model, prompt: ask(ANN) });
    expect(meta(text)).toMatchObject({ path: 'miss', task: 'text' });
    expect(calls()).toBe(2);
  });
});
