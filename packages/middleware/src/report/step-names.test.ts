import { jsonVerifier } from '@stepcache/verifiers';
import { describe, expect, it } from 'vitest';
import { stepNames } from './step-names';

describe('stepNames', () => {
  it('names reused and patched steps with the verifier’s step names', () => {
    const verifier = jsonVerifier();
    const problem = verifier.detect({ prompt: 'x', responseFormat: { type: 'json' } });
    expect(stepNames(verifier, problem, { reused: ['"a":1', '"b":2'], patched: ['"c":3'] })).toEqual({
      reusedKeys: ['a', 'b'],
      patchedKeys: ['c'],
    });
  });

  it('adds nothing for verifiers that do not name steps, or free text', () => {
    const unnamed = { ...jsonVerifier(), stepName: undefined };
    expect(stepNames(unnamed, undefined, { reused: ['"a":1'], patched: [] })).toEqual({});
    expect(stepNames(undefined, undefined, { reused: [], patched: [] })).toEqual({});
  });
});
