import fc from 'fast-check';
import type { JSONSchema7 } from 'json-schema';
import { describe, expect, it } from 'vitest';
import { jsonVerifier } from './json-verifier';

/** Kinds of property a random schema is made of, with a schema and valid and wrong values for each. */
type Kind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'strings' | 'object' | 'nullable' | 'date';

const SCHEMAS: Record<Kind, JSONSchema7> = {
  string: { type: 'string' },
  enum: { type: 'string', enum: ['low', 'mid', 'high'] },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  strings: { type: 'array', items: { type: 'string' } },
  object: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false },
  nullable: { type: ['string', 'null'] },
  date: { type: 'string', format: 'date' },
};

const text = fc.string({ maxLength: 12 });
const VALUES: Record<Kind, fc.Arbitrary<unknown>> = {
  string: text,
  enum: fc.constantFrom('low', 'mid', 'high'),
  integer: fc.integer({ min: -1e6, max: 1e6 }),
  number: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  boolean: fc.boolean(),
  strings: fc.array(text, { maxLength: 4 }),
  object: fc.integer({ min: -99, max: 99 }).map((x) => ({ x })),
  nullable: fc.option(text, { nil: null }),
  date: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
};

/** A value of the wrong type for each kind, which no lossless coercion (see `lossless-coercion.ts`) can fix. */
const WRONG: Record<Kind, unknown> = {
  string: { n: 42 },
  enum: 7,
  integer: 1.5,
  number: 'one',
  boolean: 'perhaps',
  strings: { a: 'b' },
  object: [1],
  nullable: {},
  date: [],
};

interface Case {
  readonly schema: JSONSchema7;
  readonly kinds: ReadonlyMap<string, Kind>;
  readonly required: readonly string[];
  readonly value: Record<string, unknown>;
}

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,9}$/);
const kind = fc.constantFrom<Kind>('string', 'enum', 'integer', 'number', 'boolean', 'strings', 'object', 'nullable', 'date');

const cases: fc.Arbitrary<Case> = fc
  .uniqueArray(fc.tuple(key, kind, fc.boolean()), { minLength: 1, maxLength: 7, selector: ([k]) => k })
  .chain((fields) => {
    const properties = Object.fromEntries(fields.map(([k, kd]) => [k, SCHEMAS[kd]]));
    const required = fields.filter(([, , req]) => req).map(([k]) => k);
    const schema: JSONSchema7 = { type: 'object', properties, required, additionalProperties: false };
    const members = fields.map(([k, kd, req]) => (req ? VALUES[kd].map((v) => [k, v] as const) : fc.option(VALUES[kd].map((v) => [k, v] as const), { nil: undefined })));
    return fc.tuple(...members).map((entries) => ({
      schema,
      kinds: new Map(fields.map(([k, kd]) => [k, kd])),
      required,
      value: Object.fromEntries(entries.filter((e): e is readonly [string, unknown] => e !== undefined)),
    }));
  });

/** How a model might wrap the object. */
const wrapping = fc.constantFrom(
  (json: string) => json,
  (json: string) => `\`\`\`json\n${json}\n\`\`\``,
  (json: string) => `Here is the JSON:\n${json}\nLet me know if you need anything else.`,
);
const spacing = fc.constantFrom<number | undefined>(undefined, 2);

const verifier = jsonVerifier();
const detect = (schema: JSONSchema7) => {
  const problem = verifier.detect({ prompt: 'Fill in the record.', responseFormat: { type: 'json', schema } });
  if (problem === undefined) throw new Error('schema not detected');
  return problem;
};

describe('jsonVerifier properties', () => {
  it('round-trips random valid objects through segment, verify and join', () => {
    fc.assert(
      fc.property(cases, wrapping, spacing, (c, wrap, space) => {
        const problem = detect(c.schema);
        const answer = wrap(JSON.stringify(c.value, null, space));
        const steps = verifier.segment(answer, problem);
        expect(steps).toHaveLength(Object.keys(c.value).length);
        steps.forEach((step, index) => {
          expect(verifier.verifyStep(step, problem, { index, previous: steps.slice(0, index) })).toEqual({ ok: true });
        });
        const joined = verifier.join(steps, problem);
        expect(verifier.verifyAnswer(joined, problem)).toEqual({ ok: true });
        expect(JSON.parse(joined)).toEqual(c.value);
        // Keys come out in the schema's order.
        const order = Object.keys(c.schema.properties ?? {});
        expect(Object.keys(JSON.parse(joined) as object)).toEqual(order.filter((k) => k in c.value));
      }),
      { numRuns: 200 },
    );
  });

  it('catches a value of the wrong type, at its key', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (c, pick) => {
        const keys = Object.keys(c.value);
        fc.pre(keys.length > 0);
        const target = keys[pick % keys.length] as string;
        const problem = detect(c.schema);
        const corrupted = { ...c.value, [target]: WRONG[c.kinds.get(target) as Kind] };
        const verdict = verifier.verifyAnswer(JSON.stringify(corrupted), problem);
        expect(verdict.ok).toBe(false);
        expect(!verdict.ok && verdict.reason).toContain(`/${target}`);
        const step = verifier.segment(JSON.stringify(corrupted), problem).find((s) => verifier.stepName!(s, problem) === target) as string;
        expect(verifier.verifyStep(step, problem, { index: 0, previous: [] }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('repairs a value wrapped in a one-item array, or a number written as a string, locally', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (c, pick) => {
        const keys = Object.keys(c.value).filter((k) => ['string', 'integer', 'number', 'enum'].includes(c.kinds.get(k) as string));
        fc.pre(keys.length > 0);
        const target = keys[pick % keys.length] as string;
        const original = c.value[target];
        const slip = typeof original === 'number' && pick % 2 === 0 ? String(original) : [original];
        const problem = detect(c.schema);
        const joined = verifier.join(verifier.segment(JSON.stringify({ ...c.value, [target]: slip }), problem), problem);
        expect(verifier.verifyAnswer(joined, problem)).toEqual({ ok: true });
        expect(JSON.parse(joined)).toEqual(c.value);
      }),
      { numRuns: 200 },
    );
  });

  it('streams members in the order they verify: every open text is a prefix of the next, the final one parses to the object', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const problem = detect(c.schema);
        const steps = verifier.segment(JSON.stringify(c.value), problem);
        let previous = '';
        for (let n = 1; n <= steps.length; n++) {
          const open = verifier.streamJoin!(steps.slice(0, n), problem, false);
          expect(open.startsWith(previous)).toBe(true);
          previous = open;
        }
        const final = verifier.streamJoin!(steps, problem, true);
        expect(final.startsWith(previous)).toBe(true);
        expect(JSON.parse(final)).toEqual(JSON.parse(verifier.join(steps, problem)));
      }),
      { numRuns: 200 },
    );
  });

  it('catches a missing required key, naming it', () => {
    fc.assert(
      fc.property(cases, fc.nat(), (c, pick) => {
        fc.pre(c.required.length > 0);
        const target = c.required[pick % c.required.length] as string;
        const problem = detect(c.schema);
        const { [target]: _removed, ...rest } = c.value;
        const joined = verifier.join(verifier.segment(JSON.stringify(rest), problem), problem);
        expect(verifier.verifyAnswer(joined, problem)).toMatchObject({ ok: false, reason: expect.stringContaining(`/${target} is missing (required)`) });
      }),
      { numRuns: 200 },
    );
  });

  it('catches an enum violation', () => {
    fc.assert(
      fc.property(cases, text, (c, word) => {
        const target = [...c.kinds].find(([, kd]) => kd === 'enum')?.[0];
        fc.pre(target !== undefined && !['low', 'mid', 'high'].includes(word));
        const problem = detect(c.schema);
        const verdict = verifier.verifyStep(JSON.stringify(target) + ':' + JSON.stringify(word), problem, { index: 0, previous: [] });
        expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('must be one of') });
      }),
      { numRuns: 200 },
    );
  });

  it('catches and drops an extra key when additionalProperties is false', () => {
    fc.assert(
      fc.property(cases, key, (c, extra) => {
        fc.pre(!c.kinds.has(extra));
        const problem = detect(c.schema);
        const corrupted = { ...c.value, [extra]: 'surplus' };
        expect(verifier.verifyAnswer(JSON.stringify(corrupted), problem)).toMatchObject({
          ok: false,
          reason: expect.stringContaining(`/${extra} is not allowed`),
        });
        const steps = verifier.segment(JSON.stringify(corrupted), problem);
        const extraStep = steps.find((s) => verifier.stepName!(s, problem) === extra) as string;
        expect(verifier.verifyStep(extraStep, problem, { index: 0, previous: [] })).toMatchObject({ ok: false, drop: true });
      }),
      { numRuns: 200 },
    );
  });
});
