import type { JSONSchema7 } from '@ai-sdk/provider';
import type { Rng } from '../random/rng';
import type { WorkloadItem } from './workload-item';

const FIRST = ['Maria', 'James', 'Aiko', 'Omar', 'Lena', 'Priya', 'Tom', 'Sofia', 'David', 'Grace', 'Lucas', 'Amara'];
const LAST = ['Lopez', 'Carter', 'Tanaka', 'Haddad', 'Fischer', 'Nair', 'Becker', 'Rossi', 'Kim', 'Okafor', 'Silva', 'Novak'];
const FEMALE = new Set(['Maria', 'Aiko', 'Lena', 'Priya', 'Sofia', 'Grace', 'Amara']);
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Lisbon', 'Portugal'], ['Denver', 'USA'], ['Osaka', 'Japan'], ['Cairo', 'Egypt'], ['Munich', 'Germany'],
  ['Pune', 'India'], ['Austin', 'USA'], ['Milan', 'Italy'], ['Seoul', 'South Korea'], ['Lagos', 'Nigeria'],
];
const JOBS = ['nurse', 'teacher', 'software engineer', 'architect', 'accountant', 'chef', 'pilot', 'graphic designer'];
const COMPANIES = ['Acme Health', 'Northwind Traders', 'Blue Harbor Labs', 'Globex', 'Initech', 'Vandelay Industries'];
const PLANS = ['free', 'pro', 'enterprise'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Person {
  name: string;
  first: string;
  age: number;
  city: string;
  country: string;
  email: string;
  occupation: string;
  company: string;
  member: boolean;
  plan: (typeof PLANS)[number];
  signup: { iso: string; written: string };
  salary: number;
  phone: string;
}

type FieldId = 'name' | 'age' | 'city' | 'email' | 'occupation' | 'company' | 'member' | 'plan' | 'signup' | 'salary' | 'phone' | 'country';

interface FieldDef {
  keys: readonly string[];
  schema: JSONSchema7;
  value: (p: Person) => unknown;
  label: readonly string[];
}

const FIELDS: Readonly<Record<FieldId, FieldDef>> = {
  name: { keys: ['name', 'fullName', 'full_name', 'customerName'], schema: { type: 'string' }, value: (p) => p.name, label: ['Name', 'Full name', 'Customer'] },
  age: { keys: ['age', 'age'], schema: { type: 'integer' }, value: (p) => p.age, label: ['Age'] },
  city: { keys: ['city', 'hometown'], schema: { type: 'string' }, value: (p) => p.city, label: ['City', 'Location'] },
  country: { keys: ['country'], schema: { type: 'string' }, value: (p) => p.country, label: ['Country'] },
  email: { keys: ['email', 'emailAddress', 'email_address'], schema: { type: 'string' }, value: (p) => p.email, label: ['Email', 'E-mail'] },
  occupation: { keys: ['occupation', 'job', 'jobTitle'], schema: { type: 'string' }, value: (p) => p.occupation, label: ['Occupation', 'Job'] },
  company: { keys: ['company', 'employer'], schema: { type: 'string' }, value: (p) => p.company, label: ['Company', 'Employer'] },
  member: { keys: ['isMember', 'member', 'is_member'], schema: { type: 'boolean' }, value: (p) => p.member, label: ['Member'] },
  plan: { keys: ['plan', 'subscriptionPlan'], schema: { type: 'string', enum: [...PLANS] }, value: (p) => p.plan, label: ['Plan', 'Subscription plan'] },
  signup: { keys: ['signupDate', 'signup_date'], schema: { type: 'string', format: 'date' }, value: (p) => p.signup.iso, label: ['Signup date', 'Signed up'] },
  salary: { keys: ['salary', 'annualSalary'], schema: { type: 'number' }, value: (p) => p.salary, label: ['Salary', 'Annual salary'] },
  phone: { keys: ['phone', 'phoneNumber'], schema: { type: 'string' }, value: (p) => p.phone, label: ['Phone', 'Phone number'] },
};

function person(rng: Rng): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const [city, country] = rng.pick(PLACES);
  const year = rng.int(2019, 2025);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    name: `${first} ${last}`,
    first,
    age: rng.int(21, 70),
    city,
    country,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
    occupation: rng.pick(JOBS),
    company: rng.pick(COMPANIES),
    member: rng.chance(0.5),
    plan: rng.pick(PLANS),
    signup: { iso, written: rng.chance(0.5) ? iso : `${MONTHS[month - 1]} ${day}, ${year}` },
    salary: rng.int(40, 180) * 1000,
    phone: `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`,
  };
}

function labelledText(p: Person, fields: FieldId[], rng: Rng): string {
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
  return fields.map((f) => `${rng.pick(FIELDS[f].label)}: ${write[f]}`).join('\n');
}

function narrativeText(p: Person, fields: FieldId[]): string {
  const she = FEMALE.has(p.first) ? 'She' : 'He';
  const her = FEMALE.has(p.first) ? 'Her' : 'His';
  const has = new Set(fields);
  const parts: string[] = [];
  const intro = [`${p.name} is a`];
  if (has.has('age')) intro.push(`${p.age}-year-old`);
  intro.push(has.has('occupation') ? p.occupation : 'customer');
  let first = intro.join(' ');
  if (has.has('city')) first += ` who lives in ${p.city}`;
  if (has.has('country')) first += has.has('city') ? `, ${p.country}` : ` from ${p.country}`;
  parts.push(`${first}.`);
  if (has.has('company')) parts.push(`${she} works at ${p.company}.`);
  if (has.has('email')) parts.push(`${she} can be reached at ${p.email}.`);
  if (has.has('phone')) parts.push(`${her} phone number is ${p.phone}.`);
  if (has.has('signup')) parts.push(`${she} signed up on ${p.signup.written}.`);
  if (has.has('plan')) parts.push(`${she} is on the ${p.plan} plan.`);
  if (has.has('member')) parts.push(p.member ? `${she} is a member of the loyalty program.` : `${she} is not a member of the loyalty program.`);
  if (has.has('salary')) parts.push(`${her} annual salary is $${p.salary.toLocaleString('en-US')}.`);
  return parts.join(' ');
}

const ALL: FieldId[] = ['name', 'age', 'city', 'country', 'email', 'occupation', 'company', 'member', 'plan', 'signup', 'salary', 'phone'];

/** One JSON extraction request: 3-6 fields of a person record, labelled or narrative text, 75 % with a schema. */
export function jsonItem(rng: Rng, id: string): WorkloadItem {
  const p = person(rng);
  const count = rng.int(3, 6);
  const withSchema = rng.chance(0.75);
  // Without a schema the model infers types from the text, so only plain-valued fields are asked for.
  const pool = ALL.filter((f) => f !== 'name' && (withSchema || ['age', 'city', 'country', 'email', 'occupation', 'company'].includes(f)));
  const fields: FieldId[] = ['name'];
  while (fields.length < count) {
    const f = rng.pick(pool);
    if (!fields.includes(f)) fields.push(f);
  }
  const text = rng.chance(0.5) ? labelledText(p, fields, rng) : narrativeText(p, fields);
  const keys = fields.map((f) => rng.pick(FIELDS[f].keys));
  const expected: Record<string, unknown> = {};
  fields.forEach((f, i) => (expected[keys[i] as string] = FIELDS[f].value(p)));
  if (withSchema) {
    const properties: Record<string, JSONSchema7> = {};
    fields.forEach((f, i) => (properties[keys[i] as string] = FIELDS[f].schema));
    const schema: JSONSchema7 = { type: 'object', properties, required: [...keys], additionalProperties: false };
    const prompt = rng.pick([
      `Extract the customer's details from the text below.\n\nText:\n${text}`,
      `Read this record and fill in the fields.\n\n${text}`,
      `Extract structured data from the following profile:\n${text}`,
    ]);
    return { id, task: 'json', messages: [{ role: 'user', text: prompt }], schema, expected };
  }
  const list = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : (keys[0] as string);
  const prompt = `Return a JSON object with the keys ${list} for this text.\n\n${text}`;
  return { id, task: 'json', messages: [{ role: 'user', text: prompt }], expected };
}
