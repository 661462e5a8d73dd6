import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { childPath, formatIssues, schemaIssues } from './schema-issues';

const ajv = new Ajv({ allErrors: true, verbose: true });

function issues(schema: object, value: unknown) {
  const validate = ajv.compile(schema);
  validate(value);
  return schemaIssues(validate.errors);
}

describe('schemaIssues', () => {
  it('reads required, additional, enum, const and type errors with the value that was given', () => {
    const schema = {
      type: 'object',
      properties: { a: { enum: ['x', 'y'] }, b: { const: 1 }, c: { type: 'integer' } },
      required: ['d'],
      additionalProperties: false,
    };
    expect(formatIssues(issues(schema, { a: 'z', b: 2, c: 1.5, e: 0 }))).toBe(
      '/a must be one of "x", "y" (got "z"); /b must be 1 (got 2); /c must be integer (got 1.5); /d is missing (required); /e is not allowed (the schema has no such key)',
    );
  });

  it('drops anyOf summaries when their branches already said what failed', () => {
    const found = issues({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true);
    expect(found.map((i) => i.message)).toEqual(['must be string (got true)', 'must be number (got true)']);
  });

  it('escapes keys into JSON Pointers', () => {
    expect(childPath('/a', 'b/c~d')).toBe('/a/b~1c~0d');
  });
});
