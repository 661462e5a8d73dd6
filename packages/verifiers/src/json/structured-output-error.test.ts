import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';
import { failureIssues, structuredOutputError } from './structured-output-error';

const verifier = jsonVerifier();
const SCHEMA: JSONSchema7 = {
  type: 'object',
  properties: { a: { type: 'string' }, b: { type: 'integer' }, n: { type: 'integer' } },
  required: ['a', 'b'],
  minProperties: 3,
};
const problem = verifier.detect({ prompt: 'Fill it in.', responseFormat: { type: 'json', schema: SCHEMA } })!;
const join = (steps: readonly string[]) => verifier.join(steps, problem);

describe('failureIssues', () => {
  it('reports what the last reply got wrong, plus required keys still missing', () => {
    expect(failureIssues({ problem, input: problem.input, kept: [], rejected: [{ step: '"b":true', reason: 'x' }], modelCalls: 2 }, join)).toEqual([
      { path: '/b', message: 'must be integer (got true)' },
      { path: '/a', message: 'is missing (required)' },
    ]);
  });

  it('falls back to whole-object validation when every key was fine on its own', () => {
    expect(failureIssues({ problem, input: problem.input, kept: ['"a":"x"', '"b":1'], rejected: [{ step: '', reason: 'r' }], modelCalls: 2 }, join)).toEqual([
      { path: '', message: 'must NOT have fewer than 3 properties (got {"a":"x","b":1})' },
    ]);
  });

  it('says so when no JSON could be read at all', () => {
    expect(failureIssues({ problem, input: problem.input, kept: [], rejected: [{ step: 'Sorry!', reason: 'r' }], modelCalls: 2 }, join)[0]).toEqual({
      path: '',
      message: 'the reply could not be read as JSON',
    });
  });
});

describe('structuredOutputError', () => {
  it('is a typed error whose message and details name every failing path', () => {
    const error = structuredOutputError({ problem, input: problem.input, kept: ['"a":"x"'], rejected: [{ step: '"b":"2"', reason: 'x' }], modelCalls: 2 }, join);
    expect(error).toMatchObject({
      name: 'StepCacheError',
      code: 'STRUCTURED_OUTPUT_INVALID',
      details: { task: 'json', paths: ['/b'], keptKeys: ['a'], modelCalls: 2 },
    });
    expect(error.message).toBe('StepCache could not produce JSON that fits the response schema after 2 model call(s): /b must be integer (got "2")');
  });
});
