import { Output, streamObject, streamText, wrapLanguageModel } from 'ai';
import type { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StepCacheOptions } from '../options/stepcache-options';
import { stepCacheMiddleware } from '../stepcache-middleware';
import type { JsonRecord } from '../test-utils/json-model';
import { jsonModel, requestedKeys } from '../test-utils/json-model';

const ANN: JsonRecord = { marker: 'Ann Berg', values: { name: 'Ann Berg', age: 34, city: 'Lisbon', email: 'ann@berg.io' } };
const PROMPT = 'Extract the customer from the record below.\n\nRecord:\nName: Ann Berg\nAge: 34\nCity: Lisbon\nEmail: ann@berg.io';
const person = z.object({ name: z.string(), age: z.number().int(), city: z.string() });
const personWithEmail = person.extend({ email: z.string() });

function setup(model: MockLanguageModelV4, options: StepCacheOptions = {}) {
  const wrapped = wrapLanguageModel({ model, middleware: stepCacheMiddleware(options) });
  return { model: wrapped, calls: () => model.doStreamCalls.length, callOptions: (from: number) => model.doStreamCalls.slice(from) };
}

/** Runs streamObject to the end: every partial object, the final object (or the error) and the metadata. */
async function viaStreamObject(model: ReturnType<typeof setup>['model'], schema: z.ZodObject) {
  let error: unknown;
  const result = streamObject({
    model,
    schema,
    prompt: PROMPT,
    onError: ({ error: e }) => {
      error = e;
    },
  });
  const partials: unknown[] = [];
  for await (const partial of result.partialObjectStream) partials.push(partial);
  const object = await result.object.catch((e: unknown) => {
    error ??= e;
    return undefined;
  });
  const meta = (await result.providerMetadata.catch(() => undefined))?.stepcache as Record<string, unknown> | undefined;
  return { partials, object, meta, error };
}

/** Runs streamText + Output.object to the end. */
async function viaStreamText(model: ReturnType<typeof setup>['model'], schema: z.ZodObject) {
  let error: unknown;
  const result = streamText({
    model,
    output: Output.object({ schema }),
    prompt: PROMPT,
    onError: ({ error: e }) => {
      error = e;
    },
  });
  const partials: unknown[] = [];
  for await (const partial of result.partialOutputStream) partials.push(partial);
  const text = await result.text;
  const output = error === undefined ? await Promise.resolve(result.output).catch(() => undefined) : undefined;
  const meta = (await Promise.resolve(result.providerMetadata).catch(() => undefined))?.stepcache as Record<string, unknown> | undefined;
  return { partials, text, output, meta, error };
}

describe('streamObject over stepCacheMiddleware', () => {
  it('streams a miss repaired locally key by key as each key verifies, then reuses it', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => `Here is the JSON:\n\`\`\`json\n${JSON.stringify(o, null, 2)}\n\`\`\``));
    const miss = await viaStreamObject(model, person);
    expect(miss.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    // Partial objects grow one verified key at a time (the prose and fence around the JSON never show).
    expect(miss.partials).toEqual([{ name: 'Ann Berg' }, { name: 'Ann Berg', age: 34 }, miss.object]);
    expect(miss.meta).toMatchObject({ path: 'miss', task: 'json', stored: true });

    const hit = await viaStreamObject(model, person);
    expect(hit.object).toEqual(miss.object);
    expect(hit.partials).toEqual([miss.object]);
    expect(hit.meta).toMatchObject({ path: 'reuse', modelCalls: 0, reusedKeys: ['name', 'age', 'city'] });
    expect(calls()).toBe(1);
  });

  it('streams a patch: only the added key is requested, the final object has all keys', async () => {
    const { model, calls, callOptions } = setup(jsonModel([ANN]));
    await viaStreamObject(model, person);
    const before = calls();
    const patched = await viaStreamObject(model, personWithEmail);
    expect(patched.object).toEqual(ANN.values);
    expect(patched.partials.at(-1)).toEqual(ANN.values);
    expect(calls() - before).toBe(1);
    expect(requestedKeys(callOptions(before)[0]!)).toEqual(['email']);
    expect(patched.meta).toMatchObject({ path: 'patch', reusedKeys: ['name', 'age', 'city'], patchedKeys: ['email'] });
  });

  it('fixes a lossless type slip inside the stream with no call', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => JSON.stringify({ ...o, age: '34' })));
    const result = await viaStreamObject(model, person);
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(result.partials.every((p) => (p as { age?: unknown }).age !== '34')).toBe(true);
    expect(calls()).toBe(1);
  });

  it('repairs a wrong type inside the stream and never shows the wrong value', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o, call) => JSON.stringify(call === 0 ? { ...o, age: 'thirty-four' } : o)));
    const result = await viaStreamObject(model, person);
    expect(result.object).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(result.partials.every((p) => (p as { age?: unknown }).age !== 'thirty-four')).toBe(true);
    expect(calls()).toBe(2);
    expect(result.meta).toMatchObject({ path: 'miss', modelCalls: 2, patchedKeys: ['age'] });
  });

  it('ends the stream with STRUCTURED_OUTPUT_INVALID when the repair fails too', async () => {
    const { model } = setup(jsonModel([ANN], (o) => JSON.stringify({ ...o, age: 'unknown' })));
    const result = await viaStreamObject(model, person);
    expect(result.object).toBeUndefined();
    // The keys that verified were shown; the refused value never was.
    expect(result.partials.at(-1)).toEqual({ name: 'Ann Berg', city: 'Lisbon' });
    expect(result.partials.every((p) => (p as { age?: unknown }).age === undefined)).toBe(true);
    expect(result.error).toMatchObject({ code: 'STRUCTURED_OUTPUT_INVALID', details: expect.objectContaining({ paths: ['/age'] }) });
  });
});

describe('streamText + Output.object over stepCacheMiddleware', () => {
  it('serves miss, reuse and patch with validated final objects', async () => {
    const { model, calls } = setup(jsonModel([ANN], (o) => `${JSON.stringify(o).replace(/}$/, ',}')}`));
    const miss = await viaStreamText(model, person);
    expect(miss.output).toEqual({ name: 'Ann Berg', age: 34, city: 'Lisbon' });
    expect(JSON.parse(miss.text)).toEqual(miss.output);
    expect(miss.meta).toMatchObject({ path: 'miss', modelCalls: 1 });

    const reuse = await viaStreamText(model, person);
    expect(reuse.output).toEqual(miss.output);
    expect(reuse.partials.at(-1)).toEqual(miss.output);
    expect(reuse.meta).toMatchObject({ path: 'reuse', modelCalls: 0 });

    const patch = await viaStreamText(model, personWithEmail);
    expect(patch.output).toEqual(ANN.values);
    expect(patch.meta).toMatchObject({ path: 'patch', modelCalls: 1, patchedKeys: ['email'] });
    expect(calls()).toBe(2);
  });

  it('reports the failure as an error, never as an object', async () => {
    const { model } = setup(jsonModel([ANN], () => 'I could not find that information.'));
    const result = await viaStreamText(model, person);
    expect(result.output).toBeUndefined();
    expect(result.text).toBe('');
    expect(result.error).toMatchObject({ code: 'STRUCTURED_OUTPUT_INVALID' });
  });
});
