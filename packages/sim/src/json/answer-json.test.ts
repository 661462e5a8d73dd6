import type { JSONSchema7 } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { NO_ERRORS } from '../engine/error-rates';
import type { SimMessage } from '../engine/sim-request';
import { Rng } from '../random/rng';
import { answerJson } from './answer-json';
import { repairJson } from './repair-json';

const user = (text: string): SimMessage[] => [{ role: 'user', text }];
const schema = (properties: Record<string, JSONSchema7>): JSONSchema7 => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const narrative =
  'Extract the details.\n\nGrace Okafor is a 41-year-old architect who lives in Lagos, Nigeria. She works at Blue Harbor Labs and can be reached at grace.okafor@example.com. She signed up on March 5, 2024 and is on the pro plan. She is not a member of the loyalty program. Her annual salary is $98,000.';

describe('answerJson', () => {
  it('extracts schema keys from narrative text, generic over key names and types', () => {
    const s = schema({
      fullName: { type: 'string' },
      age: { type: 'integer' },
      hometown: { type: 'string' },
      country: { type: 'string' },
      employer: { type: 'string' },
      email_address: { type: 'string' },
      signupDate: { type: 'string', format: 'date' },
      plan: { type: 'string', enum: ['free', 'pro', 'enterprise'] },
      isMember: { type: 'boolean' },
      annualSalary: { type: 'number' },
      jobTitle: { type: 'string' },
    });
    const { text, injected } = answerJson(user(narrative), s, new Rng(1), NO_ERRORS);
    expect(injected).toEqual([]);
    expect(JSON.parse(text)).toEqual({
      fullName: 'Grace Okafor',
      age: 41,
      hometown: 'Lagos',
      country: 'Nigeria',
      employer: 'Blue Harbor Labs',
      email_address: 'grace.okafor@example.com',
      signupDate: '2024-03-05',
      plan: 'pro',
      isMember: false,
      annualSalary: 98000,
      jobTitle: 'architect',
    });
  });

  it('returns only the keys of a key-subset (patch) schema', () => {
    const { text } = answerJson(user(narrative), schema({ age: { type: 'integer' }, hometown: { type: 'string' } }), new Rng(2), NO_ERRORS);
    expect(JSON.parse(text)).toEqual({ age: 41, hometown: 'Lagos' });
  });

  it('answers plain "return JSON with keys ..." prompts, inferring types', () => {
    const messages = user('Return a JSON object with keys name, age and city for this text.\n\nName: Tom Becker\nAge: 29\nCity: Munich');
    expect(JSON.parse(answerJson(messages, undefined, new Rng(3), NO_ERRORS).text)).toEqual({ name: 'Tom Becker', age: 29, city: 'Munich' });
  });

  it('follows the latest key list in the text, as a model follows the latest instruction', () => {
    const messages = user(
      'Return a JSON object with keys name, age and city for this text.\n\nName: Tom Becker\nAge: 29\nCity: Munich\n\nReply with one JSON object with only the keys "age" (number), "city", read from the request above.',
    );
    expect(JSON.parse(answerJson(messages, undefined, new Rng(3), NO_ERRORS).text)).toEqual({ age: 29, city: 'Munich' });
  });

  it('injects each error kind when its rate is 1', () => {
    const s = schema({ name: { type: 'string' }, age: { type: 'integer' } });
    const messages = user('Name: Tom Becker\nAge: 29');
    const run = (rates: Partial<typeof NO_ERRORS>) => answerJson(messages, s, new Rng(4), { ...NO_ERRORS, ...rates });
    expect(Object.keys(JSON.parse(run({ jsonMissingKey: 1 }).text))).toHaveLength(1);
    expect(Object.keys(JSON.parse(run({ jsonExtraKey: 1 }).text))).toHaveLength(3);
    const typed = JSON.parse(run({ jsonWrongType: 1 }).text) as Record<string, unknown>;
    expect(typed.age === 29 && typed.name === 'Tom Becker').toBe(false);
    expect(run({ jsonProse: 1 }).text).toMatch(/^[A-Z][^{]*:\n\n\{/);
    expect(run({ jsonCodeFence: 1 }).text).toMatch(/^```json\n\{[\s\S]*\}\n```$/);
    const syntax = run({ jsonSyntax: 1 }).text;
    expect(() => JSON.parse(syntax)).toThrow();
  });
});

describe('repairJson', () => {
  const s = schema({ name: { type: 'string' }, age: { type: 'integer' }, city: { type: 'string' } });
  const conversation: SimMessage[] = [
    { role: 'user', text: 'Extract the person as JSON.\n\nName: Lena Fischer\nAge: 52\nCity: Milan' },
    { role: 'assistant', text: "Here is the JSON:\n{'name': 'Lena Fischer', 'age': '52', 'notes': 'n/a',}" },
    { role: 'user', text: "Fix the JSON so it matches the schema. Validation errors:\n- /age must be integer\n- must have required property 'city'\n- must NOT have additional property 'notes'" },
  ];

  it('returns a corrected object for a fix request', () => {
    const { text, injected } = repairJson(conversation, s, new Rng(5), NO_ERRORS);
    expect(injected).toEqual([]);
    expect(JSON.parse(text)).toEqual({ name: 'Lena Fischer', age: 52, city: 'Milan' });
  });

  it('uses the error list when there is no schema', () => {
    expect(JSON.parse(repairJson(conversation, undefined, new Rng(6), NO_ERRORS).text)).toEqual({ name: 'Lena Fischer', age: 52, city: 'Milan' });
  });

  it('leaves one defect when the repair fails', () => {
    const { text, injected } = repairJson(conversation, s, new Rng(7), { ...NO_ERRORS, jsonRepairFailure: 1 });
    expect(injected).toHaveLength(1);
    expect(text).not.toBe(JSON.stringify({ name: 'Lena Fischer', age: 52, city: 'Milan' }, null, 2));
  });
});
