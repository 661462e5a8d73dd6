import { describe, expect, it } from 'vitest';
import { phraseKeyLists } from './key-list-phrase';

const lists = (text: string) => phraseKeyLists(text).map((list) => list.keys);

describe('phraseKeyLists', () => {
  it('reads lists led by "with the keys", a colon, "named", "are" or quotes', () => {
    expect(lists('Answer in JSON with the keys fullName, email and job.')).toEqual([['fullName', 'email', 'job']]);
    expect(lists('Give me a JSON object with these fields: full_name, job and employer.')).toEqual([['full_name', 'job', 'employer']]);
    expect(lists('Return an object having exactly the properties title and year')).toEqual([['title', 'year']]);
    expect(lists('Fields: sku')).toEqual([['sku']]);
    expect(lists('Return JSON with two keys named lat and lng.')).toEqual([['lat', 'lng']]);
    expect(lists('Its keys are lat and lng.')).toEqual([['lat', 'lng']]);
    expect(lists('Fill the fields `sku`, `qty`.')).toEqual([['sku', 'qty']]);
    // A key that begins like "are" is a key, not the verb.
    expect(lists('Answer in JSON with the keys area and perimeter.')).toEqual([['area', 'perimeter']]);
  });

  it('gives the span of the names and where the noun introducing them is', () => {
    const text = 'Answer with the keys name and age.';
    const [list] = phraseKeyLists(text);
    expect(text.slice(list!.start, list!.end)).toBe('name and age');
    expect(text.slice(list!.intro)).toMatch(/^keys/);
  });

  it('reads a list on the line after "keys:" only when it fills that line', () => {
    expect(lists('Use these keys:\nname, age, city')).toEqual([['name', 'age', 'city']]);
    expect(lists('Use these keys:\nname and age are enough here')).toEqual([]);
  });

  it('does not read plain words that are not a list of names', () => {
    expect(lists('Return JSON with the keys sorted alphabetically.')).toEqual([]);
    expect(lists('Return JSON with keys visible.')).toEqual([]);
    expect(lists('Which keys are present and valid?')).toEqual([]);
    expect(lists('Check the fields name and age')).toEqual([]);
    expect(lists('Return the key name.')).toEqual([]);
    // Other keys than the output's.
    expect(lists('Extract the API keys: sk_live_abc, pk_test_def')).toEqual([]);
    expect(lists('Copy the form fields `name` and `age`.')).toEqual([]);
    expect(lists('The primary keys are id and ref.')).toEqual([]);
  });

  it('reads no list that a note in parentheses cuts short, but keeps one the note only follows', () => {
    expect(lists('Respond only with JSON. Keys: sentiment (positive/negative/neutral), confidence (0-1).')).toEqual([]);
    expect(lists('Fields: "label" (one of spam, ham) and "score"')).toEqual([]);
    expect(lists('Answer in JSON with the keys name and age (both required).')).toEqual([['name', 'age']]);
  });
});
