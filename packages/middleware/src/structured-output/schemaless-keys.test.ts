import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { generateText, Output, streamText, wrapLanguageModel } from 'ai';
import type { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { StepCacheOptions } from '../options/stepcache-options';
import type { StepCacheEvent } from '../report/stepcache-event';
import { stepCacheMiddleware } from '../stepcache-middleware';
import type { JsonRecord } from '../test-utils/json-model';
import { jsonModel, requestedKeys } from '../test-utils/json-model';
import { lastUserText, promptText } from '../test-utils/scripted-model';

// Requests sent with Output.json() (no schema) whose prompt names the keys it wants.
const DAVID: JsonRecord = {
  marker: 'David Silva',
  values: { fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef', city: 'Munich' },
};
const profile = (job = 'chef') => `Name: David Silva\nCity: Munich\nEmail: david.silva@example.com\nOccupation: ${job}`;
const ask = (keys: string, job?: string) => `Read the profile below and answer in JSON with the keys ${keys}.\n\n${profile(job)}`;
const ALL_KEYS = 'fullName, email and job';

/**
 * The keys a call wants, read the way a model would: its response schema's, else the ones its last
 * message asks for ("only the keys "job", …"), else the ones its prompt lists (as the test prompts write them).
 */
function keysWanted(options: LanguageModelV4CallOptions): string[] {
  const fromSchema = requestedKeys(options);
  if (fromSchema !== undefined) return fromSchema;
  const only = /only the keys ((?:"[^"]+"(?: \([a-z]+\))?(?:, )?)+)/.exec(lastUserText(options))?.[1];
  if (only !== undefined) return [...only.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
  const list = /with (?:the )?keys (?:such as )?([^.]+)\./.exec(promptText(options))?.[1] ?? '';
  return list.split(/,\s*|\s+and\s+/).filter((key) => key !== '');
}

/** A record model that answers with exactly the keys a call wants; `reshape` may spoil the object per call. */
function keyedModel(record: JsonRecord, reshape: (object: Record<string, unknown>, call: number) => Record<string, unknown> = (o) => o) {
  return jsonModel([record], (all, call, options) => {
    const object = Object.fromEntries(keysWanted(options).filter((key) => key in all).map((key) => [key, all[key]]));
    return JSON.stringify(reshape(object, call));
  });
}

const without = (key: string) => (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

function setup(model: MockLanguageModelV4, options: StepCacheOptions = {}) {
  const events: StepCacheEvent[] = [];
  const wrapped = wrapLanguageModel({ model, middleware: stepCacheMiddleware({ onEvent: (e) => events.push(e), ...options }) });
  return {
    model: wrapped,
    events,
    calls: () => model.doGenerateCalls.length + model.doStreamCalls.length,
    callOptions: (from: number): LanguageModelV4CallOptions[] => model.doGenerateCalls.slice(from),
  };
}
const meta = (result: { providerMetadata?: Record<string, unknown> | undefined }) => result.providerMetadata?.stepcache as Record<string, unknown>;
const json = (model: ReturnType<typeof setup>['model'], prompt: string) => generateText({ model, output: Output.json(), prompt, maxRetries: 0 });

describe('Output.json() requests whose prompt names the keys', () => {
  it('repairs a missing key with exactly one call that asks for that key only, and stores the complete object', async () => {
    const { model, calls, callOptions } = setup(keyedModel(DAVID, (o, call) => (call === 0 ? without('job')(o) : o)));
    const result = await json(model, ask(ALL_KEYS));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(calls()).toBe(2);
    const repair = callOptions(1)[0]!;
    // The inferred schema is sent as the sub-schema of the missing key: required, untyped, nothing else allowed.
    // No type is known for the key, so no schema goes with the call (strict modes refuse untyped properties).
    expect(repair.responseFormat).toMatchObject({ type: 'json' });
    expect(repair.responseFormat).not.toHaveProperty('schema', expect.anything());
    expect(lastUserText(repair)).toContain('only the keys "job"');
    expect(lastUserText(repair)).toContain('Fix: "job" is missing (the prompt asks for it).');
    expect(meta(result)).toMatchObject({ path: 'miss', task: 'json', modelCalls: 2, patchedKeys: ['job'], stored: true });

    const again = await json(model, ask(ALL_KEYS));
    expect(again.output).toEqual(result.output);
    expect(meta(again)).toMatchObject({ path: 'reuse', modelCalls: 0, reusedKeys: ['fullName', 'email', 'job'] });
    expect(calls()).toBe(2);
  });

  it('drops keys the prompt did not ask for locally, with no call', async () => {
    const { model, calls } = setup(keyedModel(DAVID, (o) => ({ ...o, their: null, notes: 'Extracted from the provided text.' })));
    const result = await json(model, ask(ALL_KEYS));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(JSON.parse(result.text)).toEqual(result.output);
    expect(calls()).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'miss', modelCalls: 1, stored: true });
  });

  it('patches only the key a changed key list adds, asking for that key only', async () => {
    const { model, calls, callOptions } = setup(keyedModel(DAVID));
    await json(model, ask('fullName and email'));
    const before = calls();
    const result = await json(model, ask(ALL_KEYS));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(calls() - before).toBe(1);
    expect(keysWanted(callOptions(before)[0]!)).toEqual(['job']);
    expect(callOptions(before)[0]!.responseFormat).not.toHaveProperty('schema', expect.anything());
    expect(meta(result)).toMatchObject({ path: 'patch', reusedKeys: ['fullName', 'email'], patchedKeys: ['job'], modelCalls: 1 });
  });

  it('reuses with no call when the key list drops a key, leaving that key out', async () => {
    const { model, calls } = setup(keyedModel(DAVID));
    await json(model, ask(ALL_KEYS));
    const result = await json(model, ask('fullName and job'));
    expect(result.output).toEqual({ fullName: 'David Silva', job: 'chef' });
    expect(calls()).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'reuse', modelCalls: 0, reusedKeys: ['fullName', 'job'] });
  });

  it('carries over, across a changed key list, only values the source text states', async () => {
    // The model wrapped the name in an array: valid for keys the prompt gives no type, but not stated by the text.
    const { model, callOptions, calls } = setup(keyedModel(DAVID, (o, call) => (call === 0 ? { ...o, fullName: ['David Silva'] } : o)));
    const first = await json(model, ask('fullName and email'));
    expect(first.output).toEqual({ fullName: ['David Silva'], email: 'david.silva@example.com' });
    const before = calls();
    const result = await json(model, ask(ALL_KEYS));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(keysWanted(callOptions(before)[0]!)).toEqual(['fullName', 'job']);
    expect(meta(result)).toMatchObject({ path: 'patch', reusedKeys: ['email'], patchedKeys: ['fullName', 'job'] });
  });

  it('never carries a stale value over to another source text', async () => {
    const pilot: JsonRecord = { marker: 'Occupation: pilot', values: { ...DAVID.values, job: 'pilot' } };
    const model = jsonModel([pilot, DAVID], (all, _call, options) =>
      JSON.stringify(Object.fromEntries(keysWanted(options).map((key) => [key, all[key]]))),
    );
    const { model: wrapped, calls } = setup(model);
    await json(wrapped, ask(ALL_KEYS));
    const before = calls();
    const result = await json(wrapped, ask(ALL_KEYS, 'pilot'));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'pilot' });
    expect(calls() - before).toBe(1);
    expect(meta(result)).toMatchObject({ path: 'patch', reusedKeys: ['fullName', 'email'], patchedKeys: ['job'] });
  });

  // The first patch call slips on the new value: an object is refused against the type the cached
  // answer had and repaired by a second call (whose sub-schema carries that type); a one-item list
  // of that type is unwrapped locally.
  it.each([
    ['repairs a patched value of another type, holding it to the type the cached answer had', { title: 'pilot' }, 2],
    ['unwraps a patched one-item list of the type the cached answer had, with no repair call', ['pilot'], 1],
  ])('%s', async (_name, slip, patchCalls) => {
    const pilot: JsonRecord = { marker: 'Occupation: pilot', values: { ...DAVID.values, job: 'pilot' } };
    let patches = 0;
    const model = jsonModel([pilot, DAVID], (all, _call, options) => {
      const object = Object.fromEntries(keysWanted(options).map((key) => [key, all[key]]));
      if (promptText(options).includes('pilot') && requestedKeys(options) !== undefined && patches++ === 0) object.job = slip;
      return JSON.stringify(object);
    });
    const { model: wrapped, calls, callOptions } = setup(model);
    await json(wrapped, ask(ALL_KEYS));
    const before = calls();
    const result = await json(wrapped, ask(ALL_KEYS, 'pilot'));
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'pilot' });
    expect(calls() - before).toBe(patchCalls);
    expect(callOptions(before)[0]!.responseFormat).toMatchObject({ schema: { properties: { job: { type: 'string' } } } });
    expect(meta(result)).toMatchObject({ path: 'patch', patchedKeys: ['job'], modelCalls: patchCalls });
  });

  it('never stores a wrong object: a key the repair cannot fill fails naming the keys the prompt asks for', async () => {
    let broken = true;
    const { model, calls } = setup(keyedModel(DAVID, (o) => (broken ? without('job')(o) : o)));
    await expect(json(model, ask(ALL_KEYS))).rejects.toMatchObject({
      name: 'StepCacheError',
      code: 'STRUCTURED_OUTPUT_INVALID',
      message: expect.stringMatching(/the keys the prompt asks for .*\/job is missing \(the prompt asks for the keys fullName, email and job\)/),
      details: expect.objectContaining({ paths: ['/job'], inferredKeys: ['fullName', 'email', 'job'] }),
    });
    expect(calls()).toBe(2);
    broken = false;
    // Nothing was stored, so neither the same request nor a key-list variant can be served the incomplete object.
    const variant = await json(model, ask('fullName and job'));
    expect(variant.output).toEqual({ fullName: 'David Silva', job: 'chef' });
    expect(meta(variant)).toMatchObject({ path: 'miss' });
    const same = await json(model, ask(ALL_KEYS));
    expect(same.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(meta(same)).not.toMatchObject({ path: 'reuse' });
  });

  it('repairs a missing key in a stream too, streaming only the complete object', async () => {
    const { model, calls } = setup(keyedModel(DAVID, (o, call) => (call === 0 ? without('email')(o) : o)));
    let error: unknown;
    const result = streamText({ model, output: Output.json(), prompt: ask(ALL_KEYS), onError: ({ error: e }) => (error = e) });
    const text = await result.text;
    expect(error).toBeUndefined();
    expect(JSON.parse(text)).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com', job: 'chef' });
    expect(calls()).toBe(2);
  });

  it('keeps the syntax-only check when the key list is only an example', async () => {
    const hedged = (keys: string) => `Read the profile below and answer in JSON with keys such as ${keys}.\n\n${profile()}`;
    const { model, calls, events } = setup(keyedModel(DAVID, without('job')));
    const result = await json(model, hedged(ALL_KEYS));
    // Nothing says the list is complete, so the object without "job" is served as the model wrote it.
    expect(result.output).toEqual({ fullName: 'David Silva', email: 'david.silva@example.com' });
    expect(calls()).toBe(1);
    // And another list is another instruction: no reuse across it.
    await json(model, hedged('fullName and email'));
    expect(events.some((e) => e.type === 'skip' && /instruction changed/.test(e.reason))).toBe(true);
  });
});
