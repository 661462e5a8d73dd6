import type { JSONSchema7 } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { JsonTruth } from '../workload/workload-request';
import { checkJson, jsonEqual } from './check-json';

const schema: JSONSchema7 = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' }, isMember: { type: 'boolean' } },
  required: ['name', 'age', 'isMember'],
  additionalProperties: false,
};
const withSchema: JsonTruth = { kind: 'json', expected: { name: 'Maria Lopez', age: 34, isMember: false }, schema };
const keysOnly: JsonTruth = { kind: 'json', expected: { name: 'Maria Lopez', city: 'Lisbon' } };

describe('checkJson', () => {
  it('accepts the exact object in any key order and formatting', () => {
    expect(checkJson(withSchema, '{"age":34,"isMember":false,"name":"Maria Lopez"}').correct).toBe(true);
    expect(checkJson(withSchema, '\n{\n  "name": "Maria Lopez",\n  "age": 34,\n  "isMember": false\n}\n').correct).toBe(true);
  });

  it.each([
    ['prose around it', 'Here is the JSON:\n{"name":"Maria Lopez","age":34,"isMember":false}'],
    ['a code fence', '```json\n{"name":"Maria Lopez","age":34,"isMember":false}\n```'],
    ['a trailing comma', '{"name":"Maria Lopez","age":34,"isMember":false,}'],
    ['single quotes', "{'name':'Maria Lopez','age':34,'isMember':false}"],
    ['an array', '[{"name":"Maria Lopez","age":34,"isMember":false}]'],
  ])('rejects %s (the caller could not parse it)', (_, text) => {
    expect(checkJson(withSchema, text)).toMatchObject({ taskCheck: false, finalAnswer: false, correct: false });
  });

  it('fails the task check on schema violations: missing key, extra key, wrong type', () => {
    expect(checkJson(withSchema, '{"name":"Maria Lopez","age":34}').reason).toMatch(/isMember/);
    expect(checkJson(withSchema, '{"name":"Maria Lopez","age":34,"isMember":false,"notes":null}').taskCheck).toBe(false);
    expect(checkJson(withSchema, '{"name":"Maria Lopez","age":"34","isMember":false}').taskCheck).toBe(false);
  });

  it('passes the task check but fails the final answer on a wrong value', () => {
    const result = checkJson(withSchema, '{"name":"Maria Lopez","age":35,"isMember":false}');
    expect(result).toMatchObject({ taskCheck: true, finalAnswer: false, correct: false });
    expect(result.reason).toMatch(/values differ/);
  });

  it('without a schema, wants exactly the requested keys', () => {
    expect(checkJson(keysOnly, '{"city":"Lisbon","name":"Maria Lopez"}').correct).toBe(true);
    expect(checkJson(keysOnly, '{"name":"Maria Lopez"}').taskCheck).toBe(false);
    expect(checkJson(keysOnly, '{"name":"Maria Lopez","city":"Lisbon","age":34}').taskCheck).toBe(false);
  });

  it('compares nested values deeply', () => {
    expect(jsonEqual({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2 }] } })).toBe(true);
    expect(jsonEqual({ a: { b: [1, 2] } }, { a: { b: [2, 1] } })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
