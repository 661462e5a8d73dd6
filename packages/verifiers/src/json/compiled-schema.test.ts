import { describe, expect, it } from 'vitest';
import { compileSchema } from './compiled-schema';
import { formatIssues } from './schema-issues';

const PERSON = {
  type: 'object' as const,
  properties: {
    name: { type: 'string' as const, description: 'full name' },
    age: { type: 'integer' as const },
    plan: { type: 'string' as const, enum: ['free', 'pro'] },
    signup: { type: 'string' as const, format: 'date' },
    address: { $ref: '#/definitions/address' },
  },
  required: ['name', 'age'],
  additionalProperties: false as const,
  definitions: { address: { type: 'object' as const, properties: { city: { type: 'string' as const } }, required: ['city'] } },
};

function compiled(schema: object = PERSON, formats = true) {
  const result = compileSchema(schema, formats);
  if (!result) throw new Error('did not compile');
  return result;
}

describe('compileSchema', () => {
  it('knows the declared keys, their order, what is required and whether others are allowed', () => {
    const s = compiled();
    expect(s.root).toBe('object');
    expect(s.properties).toEqual(['name', 'age', 'plan', 'signup', 'address']);
    expect([...s.required]).toEqual(['name', 'age']);
    expect(s.closed).toBe(true);
    expect(s.fixedSet('plan')).toBe(true);
    expect(s.fixedSet('name')).toBe(false);
    expect(s.meaning('name')).toContain('full name');
  });

  it('validates the whole value and names every failing path with the value it got', () => {
    const issues = compiled().validate({ name: 'Ann', age: '34', extra: 1 });
    expect(formatIssues(issues)).toBe('/age must be integer (got "34"); /extra is not allowed (the schema has no such key)');
    expect(formatIssues(compiled().validate({ age: 3 }))).toBe('/name is missing (required)');
  });

  it('validates one key in the context of the whole schema ($ref resolved)', () => {
    const s = compiled();
    expect(s.validateKey('age', 34)).toEqual([]);
    expect(s.validateKey('plan', 'gold')).toEqual([{ path: '/plan', message: 'must be one of "free", "pro" (got "gold")' }]);
    expect(s.validateKey('address', { city: 'Oslo' })).toEqual([]);
    expect(s.validateKey('address', {})).toEqual([{ path: '/address/city', message: 'is missing (required)' }]);
    expect(s.validateKey('nickname', 'x')).toEqual([{ path: '/nickname', message: 'is not allowed (the schema has no such key)' }]);
  });

  it('checks formats unless told not to', () => {
    expect(compiled().validateKey('signup', 'March 5')).toHaveLength(1);
    expect(compiled(PERSON, false).validateKey('signup', 'March 5')).toEqual([]);
  });

  it('accepts undeclared keys where the schema allows them, checking their schema', () => {
    const open = compiled({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'number' } });
    expect(open.closed).toBe(false);
    expect(open.validateKey('b', 2)).toEqual([]);
    expect(open.validateKey('b', 'x')).toHaveLength(1);
    expect(compiled({ type: 'object', properties: {} }).validateKey('anything', [1])).toEqual([]);
  });

  it('reads draft 2020-12 schemas and non-object roots', () => {
    const list = compiled({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }] });
    expect(list.root).toBe('other');
    expect(list.validate(['a'])).toEqual([]);
    expect(list.validate([1])).toHaveLength(1);
  });

  it('returns undefined for a schema ajv cannot compile', () => {
    expect(compileSchema({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }, true)).toBeUndefined();
  });
});

describe('coerceKey', () => {
  const compiled = compileSchema(
    {
      type: 'object',
      properties: {
        city: { type: 'string' },
        age: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
        home: { type: 'object', properties: { zip: { type: 'string' } }, required: ['zip'] },
        member: { type: 'boolean' },
      },
      required: ['city', 'age'],
      additionalProperties: false,
    },
    false,
  )!;

  it('fixes a value the schema refuses only for a lossless type slip', () => {
    expect(compiled.coerceKey('city', ['Austin'])).toBe('Austin');
    expect(compiled.coerceKey('age', '63')).toBe(63);
    expect(compiled.coerceKey('tags', 'vip')).toEqual(['vip']);
    expect(compiled.coerceKey('member', 'no')).toBe(false);
    expect(compiled.coerceKey('member', ' Yes ')).toBe(true);
    expect(compiled.coerceKey('member', 'false')).toBe(false);
  });

  it('leaves valid, undeclared and unfixable values alone', () => {
    expect(compiled.coerceKey('city', 'Austin')).toBeUndefined();
    expect(compiled.coerceKey('other', '1')).toBeUndefined();
    expect(compiled.coerceKey('age', null)).toBeUndefined();
    expect(compiled.coerceKey('age', '63.5')).toBeUndefined();
    expect(compiled.coerceKey('age', 'sixty')).toBeUndefined();
    expect(compiled.coerceKey('city', ['Austin', 'Texas'])).toBeUndefined();
    expect(compiled.coerceKey('city', 7)).toBeUndefined();
    // Only a boolean key reads yes/no; text stays text, and "maybe" is no answer.
    expect(compiled.coerceKey('city', 'yes')).toBeUndefined();
    expect(compiled.coerceKey('member', 'maybe')).toBeUndefined();
    expect(compiled.coerceKey('home', { zip: 2139 })).toBeUndefined();
  });

  it('does not change the value it was given', () => {
    const value = ['Austin'];
    compiled.coerceKey('city', value);
    expect(value).toEqual(['Austin']);
  });
});
