import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { StepCacheError } from '../errors/stepcache-error';
import type { StepContext, TaskInput } from '../verifier';
import type { JsonProblem } from './json-problem';
import { jsonVerifier } from './json-verifier';

const verifier = jsonVerifier();

const PERSON: JSONSchema7 = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    city: { type: 'string' },
  },
  required: ['name', 'age', 'city'],
  additionalProperties: false,
};

const RECORD_A = 'Extract the customer from the record below.\n\nRecord:\nName: Ann Berg\nAge: 34\nCity: Lisbon';
const RECORD_B = 'Extract the customer from the record below.\n\nRecord:\nName: Bo Lind\nAge: 41\nCity: Lisbon';

function input(prompt: string, schema?: JSONSchema7): TaskInput {
  return { prompt, responseFormat: { type: 'json', ...(schema === undefined ? {} : { schema }) } };
}
function problem(prompt: string, schema?: JSONSchema7): JsonProblem {
  const p = verifier.detect(input(prompt, schema));
  if (p === undefined) throw new Error('not detected');
  return p;
}
function plan(answer: string, cached: JsonProblem, next: JsonProblem) {
  const steps = verifier.adapt!(verifier.segment(answer, cached), cached, next).steps;
  const kept: string[] = [];
  const rejected: { step: string; reason: string }[] = [];
  const dropped: string[] = [];
  for (const step of steps) {
    const context: StepContext<JsonProblem> = { index: kept.length, previous: kept, source: cached };
    const verdict = verifier.verifyStep(step, next, context);
    if (verdict.ok) kept.push(step);
    else if (verdict.drop === true) dropped.push(step);
    else rejected.push({ step, reason: verdict.reason });
  }
  return { kept: kept.map((s) => verifier.stepName!(s, next)), rejected: rejected.map((r) => verifier.stepName!(r.step, next)), dropped: dropped.length, raw: { kept, rejected } };
}

describe('jsonVerifier', () => {
  it('identifies itself and its middleware hints', () => {
    expect(verifier).toMatchObject({ task: 'json', patchMode: 'subset', judgesSchema: true, maxRepairs: 1 });
  });

  it('detects JSON requests with or without a schema, and nothing else', () => {
    expect(verifier.detect(input('Extract the name.', PERSON))?.root).toBe('object');
    expect(verifier.detect(input('Give me JSON.'))?.root).toBe('any');
    expect(verifier.detect({ prompt: 'Solve 2x + 3 = 7', responseFormat: { type: 'text' } })).toBeUndefined();
    // A schema ajv cannot compile is left to the free-text path.
    expect(verifier.detect(input('x', { $ref: '#/definitions/nowhere' }))).toBeUndefined();
  });

  it('memoises parsed requests and compiles each schema once', () => {
    expect(verifier.detect(input(RECORD_A, PERSON))).toBe(verifier.detect(input(RECORD_A, PERSON)));
    expect(verifier.detect(input(RECORD_A, PERSON))?.schema).toBe(verifier.detect(input(RECORD_B, structuredClone(PERSON)))?.schema);
  });

  it('segments a messy answer into keys and joins clean JSON in schema order', () => {
    const p = problem(RECORD_A, PERSON);
    const steps = verifier.segment("Sure! ```json\n{'city': 'Lisbon', age: 34, \"name\": \"Ann Berg\",}\n```", p);
    expect(steps).toEqual(['"city":"Lisbon"', '"age":34', '"name":"Ann Berg"']);
    expect(verifier.join(steps, p)).toBe('{"name":"Ann Berg","age":34,"city":"Lisbon"}');
    expect(verifier.verifyAnswer(verifier.join(steps, p), p)).toEqual({ ok: true });
  });

  it('accepts only clean, valid JSON as a whole answer', () => {
    const p = problem(RECORD_A, PERSON);
    expect(verifier.verifyAnswer('{"name": "Ann Berg", "age": 34, "city": "Lisbon"}', p)).toEqual({ ok: true });
    expect(verifier.verifyAnswer('Here: {"name": "Ann Berg", "age": 34, "city": "Lisbon"}', p).ok).toBe(false);
    expect(verifier.verifyAnswer('{"name": "Ann Berg", "age": "34"}', p)).toEqual({
      ok: false,
      reason: '/age must be integer (got "34"); /city is missing (required)',
    });
  });

  it('checks each fresh key against its sub-schema and drops keys the schema forbids', () => {
    const p = problem(RECORD_A, PERSON);
    const context = { index: 0, previous: [] };
    expect(verifier.verifyStep('"age":34', p, context)).toEqual({ ok: true });
    expect(verifier.verifyStep('"age":"34"', p, context)).toEqual({ ok: false, reason: '/age must be integer (got "34")' });
    expect(verifier.verifyStep('"notes":"x"', p, context)).toMatchObject({ ok: false, drop: true });
    expect(verifier.verifyStep('"age":35', p, { index: 1, previous: ['"age":34'] })).toMatchObject({ ok: false, drop: true });
  });

  describe('reuse across schema changes (same prompt)', () => {
    const answer = '{"name":"Ann Berg","age":34,"city":"Lisbon"}';
    const cached = problem(RECORD_A, PERSON);

    it('drops a key the new schema removed and keeps the rest', () => {
      const next = problem(RECORD_A, { ...PERSON, properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] });
      expect(plan(answer, cached, next)).toMatchObject({ kept: ['name', 'age'], rejected: [], dropped: 1 });
    });

    it('asks only for a key the new schema added', () => {
      const next = problem(RECORD_A, {
        ...PERSON,
        properties: { ...PERSON.properties, email: { type: 'string' } },
        required: [...(PERSON.required ?? []), 'email'],
      });
      expect(plan(answer, cached, next)).toMatchObject({ kept: ['name', 'age', 'city'], rejected: ['email'] });
    });

    it('asks for an added optional key too, but not for one the model left out for this very input', () => {
      const withNick: JSONSchema7 = { ...PERSON, properties: { ...PERSON.properties, nickname: { type: 'string' } } };
      expect(plan(answer, cached, problem(RECORD_A, withNick)).rejected).toEqual(['nickname']);
      expect(plan(answer, problem(RECORD_A, withNick), problem(RECORD_A, withNick)).rejected).toEqual([]);
    });

    it('regenerates a key whose type or meaning changed', () => {
      const retyped = problem(RECORD_A, { ...PERSON, properties: { ...PERSON.properties, age: { type: 'string' } } });
      expect(plan(answer, cached, retyped).rejected).toEqual(['age']);
      const described = problem(RECORD_A, { ...PERSON, properties: { ...PERSON.properties, city: { type: 'string', description: 'city of birth' } } });
      expect(plan(answer, cached, described).rejected).toEqual(['city']);
    });
  });

  describe('reuse across input changes (same instruction and schema)', () => {
    it('keeps only literals the new source states in the same context; never a stale value', () => {
      const result = plan('{"name":"Ann Berg","age":34,"city":"Lisbon"}', problem(RECORD_A, PERSON), problem(RECORD_B, PERSON));
      expect(result.kept).toEqual(['city']);
      expect(result.rejected).toEqual(['name', 'age']);
    });

    it('regenerates booleans, enum choices and reformatted dates when the source changed', () => {
      const schema: JSONSchema7 = {
        type: 'object',
        properties: { member: { type: 'boolean' }, plan: { enum: ['free', 'pro'] }, signup: { type: 'string' } },
        required: ['member', 'plan', 'signup'],
      };
      const a = 'Extract the account:\nMember: yes\nPlan: pro\nSigned up: March 5, 2024\nNote: A';
      const b = 'Extract the account:\nMember: yes\nPlan: pro\nSigned up: March 5, 2024\nNote: B';
      const result = plan('{"member":true,"plan":"pro","signup":"2024-03-05"}', problem(a, schema), problem(b, schema));
      expect(result.kept).toEqual([]);
      expect(result.rejected).toEqual(['member', 'plan', 'signup']);
      // With the very same input, all of them are reusable.
      expect(plan('{"member":true,"plan":"pro","signup":"2024-03-05"}', problem(a, schema), problem(a, schema)).rejected).toEqual([]);
    });
  });

  describe('skipReason', () => {
    it('skips another task, another instruction, another shape, or a schema sharing no key', () => {
      const base = problem(RECORD_A, PERSON);
      expect(verifier.skipReason(base, problem(RECORD_A.replace('Extract', 'Summarize'), PERSON))).toMatch(/another task \(summarise; .*extract\)/);
      expect(verifier.skipReason(base, problem(RECORD_A.replace('the customer', 'the seller'), PERSON))).toMatch(/instruction changed/);
      expect(verifier.skipReason(base, problem(RECORD_A, { type: 'array', items: { type: 'string' } }))).toMatch(/output shape/);
      expect(verifier.skipReason(base, problem(RECORD_A, { type: 'object', properties: { sku: { type: 'string' } } }))).toMatch(/no key/);
      expect(verifier.skipReason(base, problem(RECORD_B, PERSON))).toBeUndefined();
    });
  });

  describe('patchRequest', () => {
    it('asks for only the missing keys, with a sub-schema of just those keys', () => {
      const p = problem(RECORD_A, { ...PERSON, properties: { ...PERSON.properties, email: { type: 'string', format: 'email' } } });
      const request = verifier.patchRequest({
        problem: p,
        input: p.input,
        kept: ['"name":"Ann Berg"', '"city":"Lisbon"'],
        rejected: [{ step: '"age":"34"', reason: '/age must be integer (got "34")' }, { step: '"email":', reason: 'no value' }],
        attempt: 1,
      });
      expect(request.schema).toEqual({
        type: 'object',
        properties: { age: { type: 'integer' }, email: { type: 'string', format: 'email' } },
        required: ['age'],
        additionalProperties: false,
      });
      expect(request.messages.map((m) => m.role)).toEqual(['user']);
      const instruction = request.messages[0]?.content ?? '';
      expect(instruction.startsWith(p.input.prompt)).toBe(true);
      expect(instruction).toContain('only the keys "age", "email"');
      expect(instruction).toContain('Fix: "age" must be integer (got "34").');
      expect(instruction).not.toContain('"email" needs');
      expect(instruction.slice(p.input.prompt.length)).not.toContain('"name"');
    });

    it('never quotes a cached value that was refused as stale', () => {
      const p = problem(RECORD_B, PERSON);
      const request = verifier.patchRequest({
        problem: p,
        input: p.input,
        kept: ['"city":"Lisbon"'],
        rejected: [{ step: '"name":"Ann Berg"', reason: '"name" ("Ann Berg") is not stated in the new source text' }],
        attempt: 1,
      });
      expect(JSON.stringify(request)).not.toContain('Ann Berg');
      expect(request.schema?.required).toEqual(['name', 'age']);
    });

    it('asks for the whole object again under the original format when nothing was kept', () => {
      const p = problem(RECORD_A, PERSON);
      const request = verifier.patchRequest({ problem: p, input: p.input, kept: [], rejected: [], attempt: 2 });
      expect(request.schema).toBeUndefined();
      expect(request.messages).toHaveLength(1);
      expect(request.messages[0]?.content).toContain(RECORD_A);
    });

    it('reads a patch reply without the keys already kept', () => {
      const p = problem(RECORD_A, PERSON);
      const args = { problem: p, input: p.input, kept: ['"name":"Ann Berg"'], rejected: [], attempt: 1 };
      expect(verifier.readPatch('```json\n{"name": "X", "age": 34, "city": "Lisbon"}\n```', args)).toEqual(['"age":34', '"city":"Lisbon"']);
    });
  });

  describe('failure', () => {
    it('builds STRUCTURED_OUTPUT_INVALID naming every failing path and why', () => {
      const p = problem(RECORD_A, PERSON);
      const error = verifier.failure!({
        problem: p,
        input: p.input,
        kept: ['"name":"Ann Berg"'],
        rejected: [{ step: '"age":"thirty"', reason: '/age must be integer (got "thirty")' }],
        modelCalls: 2,
      });
      expect(StepCacheError.isInstance(error)).toBe(true);
      expect(error.code).toBe('STRUCTURED_OUTPUT_INVALID');
      expect(error.message).toContain('/age must be integer (got "thirty")');
      expect(error.message).toContain('/city is missing (required)');
      expect(error.details).toMatchObject({ task: 'json', paths: ['/age', '/city'], keptKeys: ['name'], modelCalls: 2 });
    });
  });

  it('handles non-object roots as one step', () => {
    const p = problem('List three colours as JSON.', { type: 'array', items: { type: 'string' }, minItems: 3 });
    const steps = verifier.segment('Here: ["red", "green", "blue"]', p);
    expect(steps).toEqual(['["red","green","blue"]']);
    expect(verifier.verifyStep(steps[0]!, p, { index: 0, previous: [] })).toEqual({ ok: true });
    expect(verifier.verifyStep('["red"]', p, { index: 0, previous: [] }).ok).toBe(false);
    expect(verifier.join(steps, p)).toBe('["red","green","blue"]');
  });

  describe('requests without a schema whose prompt names the keys', () => {
    const text = 'Name: David Silva\nCity: Munich\nEmail: david.silva@example.com\nOccupation: chef';
    const keyed = (keys: string, source = text) => problem(`Read the profile below and answer in JSON with the keys ${keys}.\n\n${source}`);
    const full = keyed('fullName, email and job');

    it('infers an object schema of exactly those keys, untyped, and records that it is inferred', () => {
      expect(full.inferredKeys).toEqual(['fullName', 'email', 'job']);
      expect(full.root).toBe('object');
      expect(full.schema?.schema).toEqual({
        type: 'object',
        properties: { fullName: {}, email: {}, job: {} },
        required: ['fullName', 'email', 'job'],
        additionalProperties: false,
      });
      // A request schema always wins, and a hedged list infers nothing.
      expect(problem(full.input.prompt, PERSON).inferredKeys).toBeUndefined();
      expect(problem(`Answer in JSON with keys such as name and age.\n\n${text}`)).toMatchObject({ root: 'any' });
      expect(problem(`Answer in JSON with keys such as name and age.\n\n${text}`).schema).toBeUndefined();
    });

    it('fails an answer missing a key, in the prompt\'s terms, and accepts any value type', () => {
      expect(verifier.verifyAnswer('{"fullName":"David Silva","email":"david.silva@example.com"}', full)).toEqual({
        ok: false,
        reason: '/job is missing (the prompt asks for the keys fullName, email and job)',
      });
      expect(verifier.verifyAnswer('{"fullName":["David Silva"],"email":null,"job":7}', full)).toEqual({ ok: true });
    });

    it('drops a key the prompt did not ask for', () => {
      expect(verifier.verifyStep('"their":null', full, { index: 0, previous: [] })).toEqual({
        ok: false,
        reason: '"their" is not wanted (the prompt asks for the keys fullName, email and job)',
        drop: true,
      });
      const answer = '{"fullName":"David Silva","email":"david.silva@example.com","job":"chef","notes":"x"}';
      expect(plan(answer, full, full)).toMatchObject({ kept: ['fullName', 'email', 'job'], rejected: [], dropped: 1 });
    });

    it('treats a changed key list like a schema change: no skip, removed keys dropped, added ones patched', () => {
      const answer = '{"fullName":"David Silva","email":"david.silva@example.com","job":"chef"}';
      const fewer = keyed('fullName and job');
      expect(verifier.skipReason(full, fewer)).toBeUndefined();
      expect(plan(answer, full, fewer)).toMatchObject({ kept: ['fullName', 'job'], rejected: [], dropped: 1 });
      const more = keyed('fullName, email, job and city');
      expect(plan(answer, full, more)).toMatchObject({ kept: ['fullName', 'email', 'job'], rejected: ['city'] });
      const request = verifier.patchRequest({ problem: more, input: more.input, ...plan(answer, full, more).raw, attempt: 1 });
      // No type is known for the new key, so no schema is sent (strict modes refuse untyped properties).
      expect(request.schema).toBeUndefined();
      expect(request.messages.at(-1)?.content).toContain('only the keys "city", read from the request above');
      expect(request.messages.at(-1)?.content).not.toContain('Fix:');
    });

    it('still skips another task or another shape of instruction, and never reuses stale values', () => {
      const summary = problem(`Summarize the profile below in JSON with the keys fullName and job.\n\n${text}`);
      expect(verifier.skipReason(full, summary)).toMatch(/another task/);
      const unkeyed = problem(`Read the profile below and answer in JSON.\n\n${text}`);
      expect(verifier.skipReason(full, unkeyed)).toMatch(/instruction changed/);
      const pilot = keyed('fullName, email and job', text.replace('chef', 'pilot'));
      expect(plan('{"fullName":"David Silva","email":"david.silva@example.com","job":"chef"}', full, pilot)).toMatchObject({
        kept: ['fullName', 'email'],
        rejected: ['job'],
      });
    });

    it('asks for the whole object again, naming the keys, when nothing was kept (no untyped schema sent)', () => {
      // A verifier of its own: no cached answer has given these keys types yet.
      const fresh = jsonVerifier();
      const untyped = fresh.detect(full.input)!;
      const request = fresh.patchRequest({ problem: untyped, input: untyped.input, kept: [], rejected: [{ step: '', reason: 'no JSON' }], attempt: 2 });
      // Strict structured-output modes refuse properties without a type: the caller's plain JSON format stays.
      expect(request.schema).toBeUndefined();
      expect(request.messages[0]?.content).toContain('exactly these keys and no others (the prompt asks for the keys fullName, email and job)');
    });

    it('fails with STRUCTURED_OUTPUT_INVALID naming the keys the prompt asks for', () => {
      const error = verifier.failure!({ problem: full, input: full.input, kept: ['"fullName":"David Silva"', '"email":"d@x.io"'], rejected: [], modelCalls: 2 });
      expect(error.message).toBe(
        'StepCache could not produce JSON that has the keys the prompt asks for after 2 model call(s): /job is missing (the prompt asks for the keys fullName, email and job)',
      );
      expect(error.details).toMatchObject({ paths: ['/job'], inferredKeys: ['fullName', 'email', 'job'] });
    });
  });

  it('rejects out-of-range options with a typed error naming the option', () => {
    expect(() => jsonVerifier({ maxRepairs: 4 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringContaining('maxRepairs') }));
    expect(() => jsonVerifier({ contextTokens: 0 })).toThrow(/contextTokens/);
    expect(() => jsonVerifier({ validateFormats: 'yes' as never })).toThrow(/validateFormats/);
  });
});
