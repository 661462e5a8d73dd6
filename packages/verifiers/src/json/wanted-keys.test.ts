import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';
import { wantedKeys } from './wanted-keys';

const verifier = jsonVerifier();
const SCHEMA: JSONSchema7 = {
  type: 'object',
  properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'object', properties: { d: { type: 'string' } }, required: ['d'] }, e: { type: 'string' } },
  required: ['a', 'b', 'c'],
};
const problem = verifier.detect({ prompt: 'Fill it in.', responseFormat: { type: 'json', schema: SCHEMA } })!;

describe('wantedKeys', () => {
  it('lists failing, placeholder and missing required keys in schema order, never kept ones', () => {
    expect(
      wantedKeys({
        problem,
        kept: ['"a":"x"'],
        rejected: [
          { step: '"e":', reason: 'no value' },
          { step: '"c":{}', reason: '/c/d is missing (required)' },
          { step: '"a":5', reason: 'duplicate' },
        ],
      }),
    ).toEqual([
      { key: 'b', note: 'is missing (required)' },
      { key: 'c', note: '/d is missing (required)' },
      { key: 'e', note: 'needs a value for this request' },
    ]);
  });

  it('shows the schema violation of a wrong value, and nothing of a refused stale one', () => {
    const wanted = wantedKeys({
      problem,
      kept: ['"a":"x"', '"c":{"d":"y"}'],
      rejected: [{ step: '"b":"seven"', reason: '/b must be integer (got "seven")' }, { step: '"e":"Old Value"', reason: 'stale' }],
    });
    expect(wanted).toEqual([
      { key: 'b', note: 'must be integer (got "seven")' },
      { key: 'e', note: 'needs a value for this request' },
    ]);
  });

  it('words missing keys of an inferred schema as the prompt\'s', () => {
    const keyed = verifier.detect({ prompt: 'Answer in JSON with the keys a_1, b_2 and c_3.\n\nSome text.', responseFormat: { type: 'json' } })!;
    expect(wantedKeys({ problem: keyed, kept: ['"a_1":1'], rejected: [{ step: '"c_3":', reason: 'x' }] })).toEqual([
      { key: 'b_2', note: 'is missing (the prompt asks for it)' },
      { key: 'c_3', note: 'needs a value for this request' },
    ]);
  });
});
