import type { JSONSchema7 } from '@ai-sdk/provider';
import type { Rng } from '@stepcache/sim';

const FIRST = ['Maria', 'James', 'Aiko', 'Omar', 'Lena', 'Priya', 'Tom', 'Sofia', 'David', 'Grace', 'Lucas', 'Amara', 'Noah', 'Elena'];
const LAST = ['Lopez', 'Carter', 'Tanaka', 'Haddad', 'Fischer', 'Nair', 'Becker', 'Rossi', 'Kim', 'Okafor', 'Silva', 'Novak', 'Dubois'];
const FEMALE = new Set(['Maria', 'Aiko', 'Lena', 'Priya', 'Sofia', 'Grace', 'Amara', 'Elena']);
const PLACES: readonly (readonly [string, string])[] = [
  ['Lisbon', 'Portugal'],
  ['Denver', 'USA'],
  ['Osaka', 'Japan'],
  ['Cairo', 'Egypt'],
  ['Munich', 'Germany'],
  ['Pune', 'India'],
  ['Austin', 'USA'],
  ['Milan', 'Italy'],
  ['Seoul', 'South Korea'],
  ['Lagos', 'Nigeria'],
  ['Lyon', 'France'],
];
const JOBS = ['nurse', 'teacher', 'software engineer', 'architect', 'accountant', 'chef', 'pilot', 'graphic designer', 'pharmacist'];
const COMPANIES = ['Acme Health', 'Northwind Traders', 'Blue Harbor Labs', 'Globex', 'Initech', 'Vandelay Industries', 'Stark Logistics'];
const PLANS = ['free', 'pro', 'enterprise'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A customer record the JSON tasks extract from. */
export interface Person {
  readonly first: string;
  readonly name: string;
  readonly female: boolean;
  readonly age: number;
  readonly city: string;
  readonly country: string;
  readonly email: string;
  readonly occupation: string;
  readonly company: string;
  readonly member: boolean;
  readonly plan: (typeof PLANS)[number];
  /** ISO date and how the text writes it. */
  readonly signup: { readonly iso: string; readonly written: string };
  readonly salary: number;
  readonly phone: string;
}

/** Facts a record can hold. */
export type FieldId = 'name' | 'age' | 'city' | 'country' | 'email' | 'occupation' | 'company' | 'member' | 'plan' | 'signup' | 'salary' | 'phone';

/** Every field, name first. */
export const ALL_FIELDS: readonly FieldId[] = ['name', 'age', 'city', 'country', 'email', 'occupation', 'company', 'member', 'plan', 'signup', 'salary', 'phone'];

/** Fields whose JSON type is plain enough to ask for without a schema. */
export const PLAIN_FIELDS: readonly FieldId[] = ['name', 'age', 'city', 'country', 'email', 'occupation', 'company'];

/** How a field appears in JSON: key spellings, schema, value. */
export interface FieldDefinition {
  readonly keys: readonly string[];
  readonly schema: JSONSchema7;
  readonly value: (p: Person) => unknown;
  /** Labels of the labelled text style. */
  readonly labels: readonly string[];
}

/** The field table. */
export const FIELDS: Readonly<Record<FieldId, FieldDefinition>> = {
  name: { keys: ['name', 'fullName', 'full_name', 'customerName'], schema: { type: 'string' }, value: (p) => p.name, labels: ['Name', 'Full name', 'Customer'] },
  age: { keys: ['age'], schema: { type: 'integer' }, value: (p) => p.age, labels: ['Age'] },
  city: { keys: ['city', 'hometown'], schema: { type: 'string' }, value: (p) => p.city, labels: ['City', 'Location'] },
  country: { keys: ['country'], schema: { type: 'string' }, value: (p) => p.country, labels: ['Country'] },
  email: { keys: ['email', 'emailAddress', 'email_address'], schema: { type: 'string' }, value: (p) => p.email, labels: ['Email', 'E-mail'] },
  occupation: { keys: ['occupation', 'job', 'jobTitle'], schema: { type: 'string' }, value: (p) => p.occupation, labels: ['Occupation', 'Job'] },
  company: { keys: ['company', 'employer'], schema: { type: 'string' }, value: (p) => p.company, labels: ['Company', 'Employer'] },
  member: { keys: ['isMember', 'member', 'is_member'], schema: { type: 'boolean' }, value: (p) => p.member, labels: ['Member'] },
  plan: { keys: ['plan', 'subscriptionPlan'], schema: { type: 'string', enum: [...PLANS] }, value: (p) => p.plan, labels: ['Plan', 'Subscription plan'] },
  signup: { keys: ['signupDate', 'signup_date'], schema: { type: 'string', format: 'date' }, value: (p) => p.signup.iso, labels: ['Signup date', 'Signed up'] },
  salary: { keys: ['salary', 'annualSalary'], schema: { type: 'number' }, value: (p) => p.salary, labels: ['Salary', 'Annual salary'] },
  phone: { keys: ['phone', 'phoneNumber'], schema: { type: 'string' }, value: (p) => p.phone, labels: ['Phone', 'Phone number'] },
};

function emailOf(first: string, last: string): string {
  return `${first.toLowerCase()}.${last.toLowerCase()}@example.com`;
}

/** A random customer. */
export function randomPerson(rng: Rng): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const [city, country] = rng.pick(PLACES);
  const year = rng.int(2019, 2025);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    first,
    name: `${first} ${last}`,
    female: FEMALE.has(first),
    age: rng.int(21, 70),
    city,
    country,
    email: emailOf(first, last),
    occupation: rng.pick(JOBS),
    company: rng.pick(COMPANIES),
    member: rng.chance(0.5),
    plan: rng.pick(PLANS),
    signup: { iso, written: rng.chance(0.5) ? iso : `${MONTHS[month - 1] as string} ${day}, ${year}` },
    salary: rng.int(40, 180) * 1000,
    phone: `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`,
  };
}

/** The same person with one fact changed (a localized change to the source text). */
export function changeFact(person: Person, field: FieldId, rng: Rng): Person {
  switch (field) {
    case 'age':
      return { ...person, age: person.age + rng.pick([-7, -3, -1, 1, 2, 5, 9]) };
    case 'city':
    case 'country': {
      const [city, country] = rng.pick(PLACES.filter(([c]) => c !== person.city));
      return { ...person, city, country };
    }
    case 'occupation':
      return { ...person, occupation: rng.pick(JOBS.filter((j) => j !== person.occupation)) };
    case 'company':
      return { ...person, company: rng.pick(COMPANIES.filter((c) => c !== person.company)) };
    case 'member':
      return { ...person, member: !person.member };
    case 'plan':
      return { ...person, plan: rng.pick(PLANS.filter((p) => p !== person.plan)) };
    case 'salary':
      return { ...person, salary: person.salary + rng.pick([-12, -5, 3, 8, 15]) * 1000 };
    case 'phone':
      return { ...person, phone: `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}` };
    case 'signup': {
      const year = rng.int(2019, 2025);
      const iso = `${year}${person.signup.iso.slice(4)}`;
      const written = person.signup.written === person.signup.iso ? iso : person.signup.written.replace(/\d{4}$/, String(year));
      return iso === person.signup.iso ? changeFact(person, 'age', rng) : { ...person, signup: { iso, written } };
    }
    case 'name':
    case 'email': {
      const last = rng.pick(LAST.filter((l) => !person.name.endsWith(` ${l}`)));
      return { ...person, name: `${person.first} ${last}`, email: emailOf(person.first, last) };
    }
  }
}
