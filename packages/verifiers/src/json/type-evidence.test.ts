import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';
import { contradictsEvidence, evidenceType, recordTypeEvidence } from './type-evidence';

const verifier = jsonVerifier();
const detect = (prompt: string, schema?: object) =>
  verifier.detect({ prompt, responseFormat: { type: 'json', ...(schema === undefined ? {} : { schema }) } })!;
const prompt = 'Answer in JSON with the keys name, age, member and tags.\n\nName: Ann\nAge: 34';

describe('type evidence for keys inferred from the prompt', () => {
  it('records only scalar types, and only for requests whose keys were inferred', () => {
    const problem = detect(prompt);
    recordTypeEvidence(problem, new Map<string, unknown>([['name', 'Ann'], ['age', 34], ['member', true], ['tags', ['a']]]));
    expect(['name', 'age', 'member', 'tags'].map((key) => evidenceType(problem, key))).toEqual(['string', 'number', 'boolean', undefined]);

    const typed = detect('Extract the person.', { type: 'object', properties: { name: { type: 'string' } } });
    recordTypeEvidence(typed, new Map([['name', 'Ann']]));
    expect(evidenceType(typed, 'name')).toBeUndefined();
  });

  it('takes no evidence from a number written as a string, so a patch is not held to that slip', () => {
    const problem = detect(prompt);
    recordTypeEvidence(problem, new Map<string, unknown>([['name', 'Ann'], ['age', '34']]));
    expect(evidenceType(problem, 'age')).toBeUndefined();
    expect(contradictsEvidence(problem, 'age', 41)).toBeUndefined();
  });

  it('refuses text for a number and a list for a scalar, but lets a number stand for text', () => {
    const problem = detect(prompt);
    recordTypeEvidence(problem, new Map<string, unknown>([['name', 'Ann'], ['age', 34]]));
    expect(contradictsEvidence(problem, 'age', '41')).toMatch(/"age" must be a number/);
    expect(contradictsEvidence(problem, 'name', ['Ann'])).toMatch(/"name" must be a string .* got an array/);
    expect(contradictsEvidence(problem, 'name', 12345)).toBeUndefined();
    expect(contradictsEvidence(problem, 'age', 41)).toBeUndefined();
    expect(contradictsEvidence(problem, 'tags', ['x'])).toBeUndefined();
  });

  it('unwraps a one-item array of the type seen, in segmentation, and nothing else', () => {
    const cached = detect(prompt);
    const next = detect(prompt.replace('Age: 34', 'Age: 41'));
    verifier.adapt!(['"name":"Ann"', '"age":34', '"tags":["a"]'], cached, next);
    expect(verifier.segment('{"name":["Ann"],"age":[41],"tags":["b"]}', next)).toEqual(['"name":"Ann"', '"age":41', '"tags":["b"]']);
    expect(verifier.segment('{"name":[41],"age":["41"]}', next)).toEqual(['"name":[41]', '"age":["41"]']);
  });

  it('makes verification refuse a contradicting step and answer', () => {
    const cached = detect(prompt);
    const next = detect(prompt.replace('Age: 34', 'Age: 41'));
    verifier.adapt!(['"name":"Ann"', '"age":34'], cached, next);
    expect(verifier.verifyStep('"age":"41"', next, { index: 0, previous: [] })).toMatchObject({ ok: false });
    expect(verifier.verifyStep('"age":41', next, { index: 0, previous: [] })).toEqual({ ok: true });
    expect(verifier.verifyAnswer('{"name":"Ann","age":"41","member":true,"tags":[]}', next)).toMatchObject({ ok: false });
  });
});
