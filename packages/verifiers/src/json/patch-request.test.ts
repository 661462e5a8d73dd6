import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';
import { subSchema } from './patch-request';

const verifier = jsonVerifier();

describe('subSchema', () => {
  it('keeps the definitions and $schema the picked keys refer to', () => {
    const schema: JSONSchema7 = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { home: { $ref: '#/definitions/place' }, name: { type: 'string' } },
      required: ['home', 'name'],
      additionalProperties: false,
      definitions: { place: { type: 'object', properties: { city: { type: 'string' } } } },
    };
    const problem = verifier.detect({ prompt: 'x', responseFormat: { type: 'json', schema } })!;
    expect(subSchema(problem, ['home'])).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { home: { $ref: '#/definitions/place' } },
      required: ['home'],
      additionalProperties: false,
      definitions: schema.definitions,
    });
  });

  it('treats a key named __proto__ as an ordinary key', () => {
    const schema: JSONSchema7 = { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') as JSONSchema7['properties'] };
    const problem = verifier.detect({ prompt: 'x', responseFormat: { type: 'json', schema } })!;
    const sub = subSchema(problem, ['__proto__'])!;
    expect(Object.keys(sub.properties ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(sub.properties)).toBe(Object.prototype);
  });

  it('is undefined without a schema', () => {
    expect(subSchema(verifier.detect({ prompt: 'x', responseFormat: { type: 'json' } })!, ['a'])).toBeUndefined();
  });
});

describe('the patch messages', () => {
  it('tell a later attempt that the previous reply still failed', () => {
    const schema: JSONSchema7 = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a', 'b'] };
    const problem = verifier.detect({ prompt: 'Fill it in.', responseFormat: { type: 'json', schema } })!;
    const request = verifier.patchRequest({ problem, input: problem.input, kept: ['"a":"x"'], rejected: [], attempt: 2 });
    expect(request.messages.at(-1)?.content).toContain('The previous reply still failed validation.');
    expect(request.messages.at(-1)?.content).toContain('"b" is missing (required)');
  });
});
