import { describe, expect, it } from 'vitest';
import { inferredSchema, listKeys, promptAsks, promptIssues } from './inferred-schema';

describe('inferredSchema', () => {
  it('requires exactly the keys, allows no others and fixes no types', () => {
    expect(inferredSchema(['name', 'age'])).toEqual({
      type: 'object',
      properties: { name: {}, age: {} },
      required: ['name', 'age'],
      additionalProperties: false,
    });
    expect(Object.keys(inferredSchema(['__proto__']).properties ?? {})).toEqual(['__proto__']);
  });
});

describe('the wording for inferred schemas', () => {
  it('lists the keys as a prompt would, quoting names that are not identifiers', () => {
    expect(listKeys(['a'])).toBe('a');
    expect(listKeys(['a', 'order id', 'c'])).toBe('a, "order id" and c');
    expect(promptAsks(['fullName', 'email', 'job'])).toBe('the prompt asks for the keys fullName, email and job');
    expect(promptAsks(['name'])).toBe('the prompt asks for the key name');
  });

  it('drops the schema wording of missing and extra keys and leaves other issues alone', () => {
    expect(
      promptIssues([
        { path: '/job', message: 'is missing (required)' },
        { path: '/notes', message: 'is not allowed (the schema has no such key)' },
        { path: '', message: 'must be object' },
      ]),
    ).toEqual([
      { path: '/job', message: 'is missing' },
      { path: '/notes', message: 'is not allowed' },
      { path: '', message: 'must be object' },
    ]);
  });
});
