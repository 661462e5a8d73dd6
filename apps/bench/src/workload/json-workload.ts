import type { JSONSchema7 } from '@ai-sdk/provider';
import type { FieldId, Person } from './json-record';
import { ALL_FIELDS, changeFact, FIELDS, PLAIN_FIELDS, randomPerson } from './json-record';
import { KEYS_TEMPLATES, SCHEMA_TEMPLATES, SHORT_ANSWER_TEMPLATES, YES_NO_TEMPLATES } from './json-phrasing';
import { listWords } from './linear-phrasing';
import type { TextStyle } from './json-text';
import { pickStyle, sourceText } from './json-text';
import type { Rng } from '@stepcache/sim';
import type { BenchRequest, GroundTruth, OutputMode, PerturbationKind } from './workload-request';

/** What one extraction asks for. */
interface Extraction {
  readonly person: Person;
  /** Requested fields in key order (name first). */
  readonly fields: readonly FieldId[];
  /** Fields the text states (requested ones and a few more). */
  readonly textFields: readonly FieldId[];
  readonly keys: Readonly<Partial<Record<FieldId, string>>>;
  readonly withSchema: boolean;
  readonly template: number;
  readonly style: TextStyle;
}

function ordered(fields: Iterable<FieldId>): FieldId[] {
  const set = new Set(fields);
  return ALL_FIELDS.filter((f) => set.has(f));
}

function keyOf(e: Extraction, field: FieldId): string {
  return e.keys[field] ?? (FIELDS[field].keys[0] as string);
}

function flatSchema(e: Extraction): JSONSchema7 {
  const properties: Record<string, JSONSchema7> = {};
  for (const f of e.fields) properties[keyOf(e, f)] = FIELDS[f].schema;
  return { type: 'object', properties, required: e.fields.map((f) => keyOf(e, f)), additionalProperties: false };
}

function expectedObject(e: Extraction): Record<string, unknown> {
  return Object.fromEntries(e.fields.map((f) => [keyOf(e, f), FIELDS[f].value(e.person)]));
}

function text(e: Extraction): string {
  return sourceText(e.person, e.textFields, e.style);
}

function extractionRequest(e: Extraction): { prompt: string; output: OutputMode; truth: GroundTruth } {
  if (e.withSchema) {
    const schema = flatSchema(e);
    const template = SCHEMA_TEMPLATES[e.template % SCHEMA_TEMPLATES.length] as (typeof SCHEMA_TEMPLATES)[number];
    return { prompt: template(text(e)), output: { type: 'object', schema }, truth: { kind: 'json', expected: expectedObject(e), schema } };
  }
  const template = KEYS_TEMPLATES[e.template % KEYS_TEMPLATES.length] as (typeof KEYS_TEMPLATES)[number];
  const keys = listWords(e.fields.map((f) => keyOf(e, f)));
  return { prompt: template(keys, text(e)), output: { type: 'json' }, truth: { kind: 'json', expected: expectedObject(e) } };
}

function baseExtraction(rng: Rng): Extraction {
  const withSchema = rng.chance(0.8);
  const pool = (withSchema ? ALL_FIELDS : PLAIN_FIELDS).filter((f) => f !== 'name');
  const shuffled = rng.shuffle(pool);
  const requested = shuffled.slice(0, rng.int(2, 4));
  const extra = shuffled.slice(requested.length, requested.length + 2);
  const keys: Partial<Record<FieldId, string>> = {};
  for (const f of ALL_FIELDS) keys[f] = rng.pick(FIELDS[f].keys);
  return {
    person: randomPerson(rng.fork('person')),
    fields: ordered(['name', ...requested]),
    textFields: ordered(['name', ...requested, ...extra]),
    keys,
    withSchema,
    template: rng.int(0, (withSchema ? SCHEMA_TEMPLATES.length : KEYS_TEMPLATES.length) - 1),
    style: pickStyle(rng.fork('style')),
  };
}

/** Keeps the base's wording, except with probability `share` (then another instruction template). */
function rephrase(rng: Rng, e: Extraction, share: number): Extraction {
  const count = e.withSchema ? SCHEMA_TEMPLATES.length : KEYS_TEMPLATES.length;
  return rng.chance(share) ? { ...e, template: (e.template + rng.int(1, count - 1)) % count } : e;
}

/** Added / removed / swapped keys: the text stays, the requested keys change. */
function changeKeys(rng: Rng, e: Extraction, i: number): Extraction {
  const unrequested = e.textFields.filter((f) => !e.fields.includes(f));
  const removable = e.fields.filter((f) => f !== 'name');
  const mode = i % 3;
  let fields = [...e.fields];
  if (mode === 0 || mode === 2) fields.push(rng.pick(unrequested));
  if (mode === 1 || mode === 2) {
    const drop = rng.pick(removable);
    fields = fields.filter((f) => f !== drop);
  }
  return { ...e, fields: ordered(fields) };
}

/** One or two facts of the same person changed, or another person altogether. */
function changeSource(rng: Rng, e: Extraction, i: number): Extraction {
  const mode = i % 3;
  if (mode === 2) {
    const person = randomPerson(rng.fork('other-person'));
    return { ...e, person: person.name === e.person.name ? changeFact(person, 'name', rng) : person };
  }
  const changeable: FieldId[] = rng.shuffle(e.fields.filter((f) => f !== 'name' && f !== 'email'));
  const targets = changeable.slice(0, mode === 0 ? 1 : 2);
  if (targets.length < mode + 1) targets.push('name');
  let person = e.person;
  for (const field of targets) person = changeFact(person, field, rng);
  return { ...e, person };
}

function nestedRequest(e: Extraction, template: number): { prompt: string; output: OutputMode; truth: GroundTruth } {
  const split = Math.ceil(e.fields.length / 2);
  const groups: [string, readonly FieldId[]][] = [
    ['customer', e.fields.slice(0, split)],
    ['details', e.fields.slice(split)],
  ];
  const properties: Record<string, JSONSchema7> = {};
  const expected: Record<string, unknown> = {};
  for (const [name, fields] of groups) {
    const inner: Record<string, JSONSchema7> = {};
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      inner[keyOf(e, f)] = FIELDS[f].schema;
      values[keyOf(e, f)] = FIELDS[f].value(e.person);
    }
    properties[name] = { type: 'object', properties: inner, required: Object.keys(inner), additionalProperties: false };
    expected[name] = values;
  }
  const schema: JSONSchema7 = { type: 'object', properties, required: groups.map(([n]) => n), additionalProperties: false };
  const t = SCHEMA_TEMPLATES[template % SCHEMA_TEMPLATES.length] as (typeof SCHEMA_TEMPLATES)[number];
  return { prompt: t(text(e)), output: { type: 'object', schema }, truth: { kind: 'json', expected, schema } };
}

function yesNoRequest(rng: Rng, e: Extraction): { prompt: string; truth: GroundTruth } {
  const p = e.person;
  const options = e.textFields.filter((f) => ['city', 'company', 'member', 'age', 'plan', 'occupation'].includes(f));
  const field = options.length > 0 ? rng.pick(options) : 'age';
  const yes = rng.chance(0.5);
  const other = changeFact(p, field, rng);
  const q = yes ? p : other;
  let question: string;
  let answer = yes;
  switch (field) {
    case 'city':
      question = `Does ${p.first} live in ${q.city}?`;
      break;
    case 'company':
      question = `Does ${p.first} work at ${q.company}?`;
      break;
    case 'member':
      question = `Is ${p.first} a member of the loyalty program?`;
      answer = p.member;
      break;
    case 'plan':
      question = `Is ${p.first} on the ${q.plan} plan?`;
      break;
    case 'occupation':
      question = `Does ${p.first} work as ${/^[aeiou]/.test(q.occupation) ? 'an' : 'a'} ${q.occupation}?`;
      break;
    default: {
      const threshold = yes ? p.age - rng.int(1, 9) : p.age + rng.int(0, 9);
      question = `Is ${p.first} older than ${threshold}?`;
      answer = p.age > threshold;
    }
  }
  const template = rng.pick(YES_NO_TEMPLATES);
  return { prompt: template(question, sourceText(p, e.textFields, e.style)), truth: { kind: 'yes-no', answer } };
}

function shortAnswerRequest(rng: Rng, e: Extraction): { prompt: string; truth: GroundTruth } {
  const p = e.person;
  const questions: [FieldId, string, string][] = [
    ['company', `Which company does ${p.first} work for?`, p.company],
    ['age', `How old is ${p.first}?`, String(p.age)],
    ['city', `In which city does ${p.first} live?`, p.city],
    ['occupation', `What does ${p.first} do for a living?`, p.occupation],
    ['country', `Which country is ${p.first} from?`, p.country],
  ];
  const available = questions.filter(([f]) => e.textFields.includes(f));
  const [, question, accepted] = rng.pick(available.length > 0 ? available : questions.slice(1, 2));
  const template = rng.pick(SHORT_ANSWER_TEMPLATES);
  return { prompt: template(question, sourceText(p, e.textFields, e.style)), truth: { kind: 'phrase', accepted: [accepted] } };
}

/**
 * One JSON group: a base extraction and `k` variants per perturbation —
 * schema keys added / removed / swapped, the source text changed (one fact,
 * two facts, another person), and semantic changes (a nested output shape,
 * a yes/no question and a short question about the same text). Variants
 * keep the base's instruction wording except a `rephrase` share.
 */
export function jsonGroup(rng: Rng, options: { seed: number; index: number; k: number; rephrase: number }): BenchRequest[] {
  const { seed, index, k, rephrase: share } = options;
  const group = `json-${index}`;
  const base = baseExtraction(rng.fork('base'));
  const requests: BenchRequest[] = [];
  const add = (kind: PerturbationKind, i: number, request: { prompt: string; output?: OutputMode; truth: GroundTruth }, graded: boolean) => {
    requests.push({
      id: kind === 'base' ? group : `${group}-${kind}-${i}`,
      seed,
      family: 'json',
      kind,
      group,
      graded,
      mustNotReuse: kind === 'semantic',
      prompt: request.prompt,
      output: request.output ?? { type: 'text' },
      truth: request.truth,
    });
  };
  add('base', 0, extractionRequest(base), true);
  for (let i = 0; i < k; i++) {
    const r = rng.fork(`keys-${i}`);
    add('schema-keys', i, extractionRequest(rephrase(r, changeKeys(r, base, i), share)), true);
  }
  for (let i = 0; i < k; i++) {
    const r = rng.fork(`source-${i}`);
    add('source', i, extractionRequest(rephrase(r, changeSource(r, base, i), share)), true);
  }
  for (let i = 0; i < k; i++) {
    const r = rng.fork(`semantic-${i}`);
    const mode = i % 3;
    if (mode === 0) add('semantic', i, nestedRequest(base, base.withSchema ? base.template : r.int(0, SCHEMA_TEMPLATES.length - 1)), true);
    else if (mode === 1) add('semantic', i, yesNoRequest(r, base), false);
    else add('semantic', i, shortAnswerRequest(r, base), false);
  }
  return requests;
}
