import type { FieldId, Person } from './json-record';
import { FIELDS } from './json-record';
import type { Rng } from '@stepcache/sim';

/** How the source text is written: labelled lines or a short narrative. */
export interface TextStyle {
  readonly kind: 'labelled' | 'narrative';
  /** Label chosen per field (labelled style), fixed per group so variants keep it. */
  readonly labels: Readonly<Partial<Record<FieldId, string>>>;
}

/** Picks a style for a group. */
export function pickStyle(rng: Rng): TextStyle {
  const kind = rng.chance(0.5) ? 'labelled' : 'narrative';
  const labels: Partial<Record<FieldId, string>> = {};
  for (const [field, def] of Object.entries(FIELDS)) labels[field as FieldId] = rng.pick(def.labels);
  return { kind, labels };
}

function labelled(p: Person, fields: readonly FieldId[], style: TextStyle): string {
  const write: Record<FieldId, string> = {
    name: p.name,
    age: String(p.age),
    city: p.city,
    country: p.country,
    email: p.email,
    occupation: p.occupation,
    company: p.company,
    member: p.member ? 'yes' : 'no',
    plan: p.plan,
    signup: p.signup.written,
    salary: `$${p.salary.toLocaleString('en-US')}`,
    phone: p.phone,
  };
  return fields.map((f) => `${style.labels[f] ?? FIELDS[f].labels[0] ?? f}: ${write[f]}`).join('\n');
}

function narrative(p: Person, fields: readonly FieldId[]): string {
  const she = p.female ? 'She' : 'He';
  const her = p.female ? 'Her' : 'His';
  const has = new Set(fields);
  const intro = [`${p.name} is a`];
  if (has.has('age')) intro.push(`${p.age}-year-old`);
  intro.push(has.has('occupation') ? p.occupation : 'customer');
  let first = intro.join(' ');
  if (has.has('city')) first += ` who lives in ${p.city}`;
  if (has.has('country')) first += has.has('city') ? `, ${p.country}` : ` from ${p.country}`;
  const parts = [`${first}.`];
  if (has.has('company')) parts.push(`${she} works at ${p.company}.`);
  if (has.has('email')) parts.push(`${she} can be reached at ${p.email}.`);
  if (has.has('phone')) parts.push(`${her} phone number is ${p.phone}.`);
  if (has.has('signup')) parts.push(`${she} signed up on ${p.signup.written}.`);
  if (has.has('plan')) parts.push(`${she} is on the ${p.plan} plan.`);
  if (has.has('member')) parts.push(p.member ? `${she} is a member of the loyalty program.` : `${she} is not a member of the loyalty program.`);
  if (has.has('salary')) parts.push(`${her} annual salary is $${p.salary.toLocaleString('en-US')}.`);
  return parts.join(' ');
}

/** The source text stating `fields` of `person` (name always first). */
export function sourceText(person: Person, fields: readonly FieldId[], style: TextStyle): string {
  return style.kind === 'labelled' ? labelled(person, fields, style) : narrative(person, fields);
}
