import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import type { JsonProblem } from './json-problem';
import { jsonVerifier } from './json-verifier';
import { reuseVerdict } from './reuse-rule';

const verifier = jsonVerifier();
const SCHEMA: JSONSchema7 = {
  type: 'object',
  properties: { name: { type: 'string' }, city: { type: 'string' }, tier: { enum: ['gold', 'silver'] }, tags: { type: 'array' } },
};
function problem(prompt: string, schema: JSONSchema7 = SCHEMA): JsonProblem {
  return verifier.detect({ prompt, responseFormat: { type: 'json', schema } })!;
}
const A = problem('Extract the member:\nName: Ann Berg\nCity: Oslo\nTier: gold');
const B = problem('Extract the member:\nName: Bo Lind\nCity: Oslo\nTier: gold');

describe('reuseVerdict', () => {
  it('reuses any value when instruction and source text are the same', () => {
    expect(reuseVerdict('tier', 'gold', A, problem('Extract the member:\nName:  ann berg\nCity: Oslo\nTier: gold'))).toEqual({ ok: true });
    expect(reuseVerdict('tags', ['x'], A, A)).toEqual({ ok: true });
  });

  it('reuses a literal the new source states in the same context, and nothing else', () => {
    expect(reuseVerdict('city', 'Oslo', A, B)).toEqual({ ok: true });
    expect(reuseVerdict('name', 'Ann Berg', A, B).ok).toBe(false);
  });

  it('regenerates fixed-set choices and structured values when the source changed', () => {
    expect(reuseVerdict('tier', 'gold', A, B)).toMatchObject({ ok: false, reason: expect.stringContaining('fixed set') });
    expect(reuseVerdict('tags', ['Oslo'], A, B)).toMatchObject({ ok: false, reason: expect.stringContaining('an array') });
  });

  it('regenerates everything answered for another instruction', () => {
    const other = problem('Extract the referrer:\nName: Ann Berg\nCity: Oslo\nTier: gold');
    expect(reuseVerdict('city', 'Oslo', A, other)).toMatchObject({ ok: false, reason: expect.stringContaining('another instruction') });
  });

  it('carries untyped values over a changed key list only when the source text states them', () => {
    const keyed = (keys: string) =>
      verifier.detect({ prompt: `Answer in JSON with the keys ${keys}.\n\nName: Ann Berg\nAge: 34\nCity: Oslo`, responseFormat: { type: 'json' } })!;
    const before = keyed('name and age');
    const after = keyed('name, age and city');
    expect(reuseVerdict('name', 'Ann Berg', before, after)).toEqual({ ok: true });
    expect(reuseVerdict('age', 34, before, after)).toEqual({ ok: true });
    expect(reuseVerdict('name', ['Ann Berg'], before, after)).toMatchObject({ ok: false, reason: expect.stringContaining('no type') });
    expect(reuseVerdict('age', 35, before, after)).toMatchObject({ ok: false, reason: expect.stringContaining('not stated') });
    // A number written as a string is asked for again under a changed source text too.
    const moved = verifier.detect({ prompt: 'Answer in JSON with the keys name and age.\n\nName: Ann Berg\nAge: 34\nCity: Rome', responseFormat: { type: 'json' } })!;
    expect(reuseVerdict('age', 34, before, moved)).toEqual({ ok: true });
    expect(reuseVerdict('age', '34', before, moved)).toMatchObject({ ok: false, reason: expect.stringContaining('number written as a string') });
    expect(reuseVerdict('age', '34', before, after)).toMatchObject({ ok: false, reason: expect.stringContaining('number written as a string') });
    expect(reuseVerdict('name', 'Ann Berg 34', before, after).ok).toBe(false);
    // The same key list (an exact repeat) reuses whatever passed before.
    expect(reuseVerdict('name', ['Ann Berg'], before, keyed('name and age'))).toEqual({ ok: true });
  });

  it('regenerates a key whose description changed', () => {
    const described = problem('Extract the member:\nName: Ann Berg\nCity: Oslo\nTier: gold', {
      ...SCHEMA,
      properties: { ...SCHEMA.properties, city: { type: 'string', description: 'city of birth' } },
    });
    expect(reuseVerdict('city', 'Oslo', A, described)).toMatchObject({ ok: false, reason: expect.stringContaining('meaning') });
  });
});
