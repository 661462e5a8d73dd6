import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';
import { jsonSkipReason } from './skip-reason';

const verifier = jsonVerifier();
const problem = (prompt: string, schema?: JSONSchema7) =>
  verifier.detect({ prompt, responseFormat: { type: 'json', ...(schema ? { schema } : {}) } })!;
const OBJECT: JSONSchema7 = { type: 'object', properties: { label: { type: 'string' } } };
const REVIEW = 'Classify the review below.\n<review>Battery died in a day.</review>';

describe('jsonSkipReason', () => {
  it('allows another source text under the same instruction and shape', () => {
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW.replace('in a day', 'in a week'), OBJECT))).toBeUndefined();
  });

  it('names both task kinds when the task changed', () => {
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW.replace('Classify', 'Translate'), OBJECT))).toBe(
      'the request asks for another task (translate; the cached answer was for classify)',
    );
  });

  it('skips any other change of instruction', () => {
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW.replace('review', 'complaint'), OBJECT))).toMatch(/instruction changed/);
  });

  it('skips a changed root shape or schema description, or a schema with no shared key', () => {
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW, { type: 'string' }))).toMatch(/output shape/);
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW, { ...OBJECT, description: 'urgency' }))).toMatch(/description/);
    expect(jsonSkipReason(problem(REVIEW, OBJECT), problem(REVIEW, { type: 'object', properties: { score: { type: 'number' } } }))).toMatch(
      /no key/,
    );
    // Without a schema the shape is not known, so nothing is skipped for it.
    expect(jsonSkipReason(problem(REVIEW), problem(REVIEW, OBJECT))).toBeUndefined();
  });

  it('does not skip a request that only changed the key list its prompt names', () => {
    const keyed = (keys: string) => problem(`Return a JSON object with the keys ${keys} for this text.\n\nName: Ann\nAge: 3`);
    expect(jsonSkipReason(keyed('name and age'), keyed('name, age and email'))).toBeUndefined();
    expect(jsonSkipReason(keyed('name and age'), keyed('email and phone'))).toBe('the prompt asks for keys the cached answer has none of');
  });
});
