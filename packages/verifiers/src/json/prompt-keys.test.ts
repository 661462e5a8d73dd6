import { describe, expect, it } from 'vitest';
import { findPromptKeys, keySpecEnd } from './prompt-keys';

const keysOf = (text: string) => findPromptKeys([text])?.keys;

describe('findPromptKeys', () => {
  it.each([
    ['Read the profile below and answer in JSON with the keys fullName, email and job.', ['fullName', 'email', 'job']],
    ['Return a JSON object with the keys customerName, age, country, email and company for this text.', ['customerName', 'age', 'country', 'email', 'company']],
    ['Give me a JSON object with these fields: full_name, job and employer.', ['full_name', 'job', 'employer']],
    ['Return JSON with keys name and age', ['name', 'age']],
    ['Answer with exactly the properties title, year, and rating.', ['title', 'year', 'rating']],
    ['Output an object containing the fields `first_name`, `last_name` & `dob`.', ['first_name', 'last_name', 'dob']],
    ['Keys: id, total, currency', ['id', 'total', 'currency']],
    ['Use the fields "order id" and "ship date".', ['order id', 'ship date']],
    ['Fill the fields `sku`, `qty`.', ['sku', 'qty']],
    ['The keys are name and age.', ['name', 'age']],
    ['Return JSON with the key names city and zip.', ['city', 'zip']],
    ['Return JSON with the following keys:\nname, age, city', ['name', 'age', 'city']],
    ['Return a JSON object with these keys:\n- name\n- `age`\n* "email"', ['name', 'age', 'email']],
    ['Respond with fields:\n1. title\n2. author', ['title', 'author']],
    ['Answer in this format: {"name": "...", "age": ...}', ['name', 'age']],
    ["Reply like {name: <string>, email: '', tags: []}", ['name', 'email', 'tags']],
    ['Format:\n```json\n{ "city": "string", "country": null, }\n```', ['city', 'country']],
    ['Return JSON with the keys name and age, like this: {"name": "...", "age": "..."}', ['name', 'age']],
    ['Return JSON with the keys name and age (in years).', ['name', 'age']],
    // Key names that would read as "several objects" or hedges elsewhere in a sentence.
    ['Return the order as JSON with the keys items, total and currency.', ['items', 'total', 'currency']],
  ])('reads %j', (text, keys) => {
    expect(keysOf(text)).toEqual(keys);
  });

  it.each([
    // Hedged: the list is an example or a lower bound.
    ['Return JSON with keys such as name and age.'],
    ['Return JSON with the keys name and age, for example.'],
    ['Return JSON with at least the keys name and age.'],
    ['Return JSON including the keys name and age.'],
    ['Return JSON with the keys name, age, among others.'],
    ['Return JSON with fields (e.g. name, age).'],
    ['Return JSON with the keys name, age, etc.'],
    ['Return JSON with the keys name and age; other keys are welcome.'],
    ['Return JSON with the keys name and age (optional).'],
    ['Return JSON with fields like name and age.'],
    // Several objects, not one.
    ['Return a JSON array of people with the keys name and age.'],
    ['Return one object for each person, with the keys name and age.'],
    // Negated.
    ['Do not include the keys id and createdAt.'],
    ['Return everything except the fields ssn and dob.'],
    // Not a list of key names.
    ['Return JSON with the keys sorted alphabetically.'],
    ['Return JSON with the keys for name and age.'],
    ['Return JSON with keys visible.'],
    ['Return JSON with the keys name or full_name.'],
    ['Return JSON with the keys name and age and return nothing else.'],
    ['Which keys are present and valid?'],
    ['Return the JSON with keys.'],
    ['Extract the customer as JSON.'],
    // A bulleted list with descriptions: the descriptions would not be compared.
    ['Return JSON with these fields:\n- name: the full name\n- age'],
    // Examples with concrete values, and schemas, are not skeletons.
    ['Answer like {"name": "Ann", "age": 34}'],
    ['Follow {"type": "object", "properties": {"name": {"type": "string"}}}'],
    // Two lists that disagree.
    ['Return JSON with the keys name and age. The address has the keys street and city.'],
  ])('reads nothing from %j', (text) => {
    expect(keysOf(text)).toBeUndefined();
  });

  it('reads a list whose "other keys" are ruled out, not hedged', () => {
    expect(keysOf('Return JSON with the keys name and age and no other keys.')).toEqual(['name', 'age']);
    expect(keysOf('Return JSON with the keys name and age and nothing else.')).toEqual(['name', 'age']);
    expect(keysOf('Return JSON with the keys name and age. Do not add other keys.')).toEqual(['name', 'age']);
    expect(keysOf('Return JSON with the keys name and age, without extra fields.')).toEqual(['name', 'age']);
  });

  it('masks every key list, so instructions differing only in their lists are equal', () => {
    const a = findPromptKeys(['', 'Answer in JSON with the keys name, age and email.']);
    const b = findPromptKeys(['', 'Answer in JSON with the keys name and email.']);
    expect(a?.masked).toEqual(['', 'Answer in JSON with the keys [keys].']);
    expect(b?.masked).toEqual(a?.masked);
  });

  it('reads the system prompt too, and agrees across texts or reads nothing', () => {
    expect(findPromptKeys(['Answer in JSON with the keys name and age.', 'Ann Berg is 34.'])?.keys).toEqual(['name', 'age']);
    expect(findPromptKeys(['Use the keys name and age.', 'Fields: `age`, `name`'])?.keys).toEqual(['name', 'age']);
    expect(findPromptKeys(['Use the keys name and age.', 'Fields: `age`, `city`'])).toBeUndefined();
    // A hedge anywhere in the instruction makes every list an example.
    expect(findPromptKeys(['Keys such as the ones below are fine.', 'Use the keys name and age.'])).toBeUndefined();
  });
});

describe('keySpecEnd', () => {
  it('finds the last line of a key list or skeleton introduced by a line ending in ":"', () => {
    const lines = ['Return JSON with these keys:', '- name', '- age', 'Text:', 'Ann'];
    expect(keySpecEnd(lines, 0)).toBe(2);
    expect(keySpecEnd(lines, 3)).toBeUndefined();
    expect(keySpecEnd(['Keys:', 'name, age', 'Text:', 'Ann'], 0)).toBe(1);
    expect(keySpecEnd(['Use this format:', '', '```json', '{"name": "..."}', '```', 'Text:', 'Ann'], 0)).toBe(4);
    expect(keySpecEnd(['Use this format:', '{"name": "...",', ' "age": "..."}', '', 'Ann'], 0)).toBe(2);
    // Data after a lead-in is not a key list.
    expect(keySpecEnd(['Extract from this record:', 'Name: Ann', 'Age: 34'], 0)).toBeUndefined();
    expect(keySpecEnd(['Extract these fields:', '- Name: Ann', '- Age: 34'], 0)).toBeUndefined();
  });
});
