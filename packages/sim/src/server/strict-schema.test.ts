import { describe, expect, it } from 'vitest';
import { strictSchemaIssue } from './strict-schema';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

describe('strictSchemaIssue', () => {
  it('accepts schemas that follow the strict rules, nested ones included', () => {
    expect(strictSchemaIssue(object({ name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }))).toBeUndefined();
    expect(strictSchemaIssue(object({ home: object({ zip: { type: ['string', 'null'] } }), plan: { enum: ['free', 'pro'] } }))).toBeUndefined();
    expect(strictSchemaIssue(object({ a: { $ref: '#/definitions/A' } }, { definitions: { A: object({ x: { type: 'integer' } }) } }))).toBeUndefined();
  });

  it('names the first schema a strict endpoint refuses, and why', () => {
    expect(strictSchemaIssue(object({ job: {} }))).toEqual({ at: 'schema.properties.job', message: "schema must have a 'type' key" });
    expect(strictSchemaIssue({ ...object({ a: { type: 'string' } }), additionalProperties: true })?.message).toMatch(/additionalProperties/);
    expect(strictSchemaIssue({ ...object({ a: { type: 'string' }, b: { type: 'string' } }), required: ['a'] })?.message).toMatch(/Missing 'b'/);
    expect(strictSchemaIssue(object({ list: { type: 'array', items: {} } }))?.at).toBe('schema.properties.list.items');
  });
});
