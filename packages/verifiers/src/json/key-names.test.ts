import { describe, expect, it } from 'vitest';
import { plausibleKey, readKeyList } from './key-names';

const keys = (text: string, quotedOnly = false) => readKeyList(text, 0, quotedOnly)?.keys;

describe('readKeyList', () => {
  it('reads English lists of snake_case, camelCase, quoted and backticked names', () => {
    expect(keys('full_name, emailAddress and job.')).toEqual(['full_name', 'emailAddress', 'job']);
    expect(keys('name, age, and city')).toEqual(['name', 'age', 'city']);
    expect(keys('"order id" & `ship_date`')).toEqual(['order id', 'ship_date']);
    expect(keys('\u201cname\u201d and \u2018age\u2019')).toEqual(['name', 'age']);
    expect(keys('x, y, z')).toEqual(['x', 'y', 'z']);
  });

  it('ends the list after the item that follows "and", and at a word that cannot be a key', () => {
    const list = readKeyList('name and age for this text', 0);
    expect(list).toMatchObject({ keys: ['name', 'age'], start: 0, end: 12, quoted: false });
    expect(keys('name, age, for this text')).toEqual(['name', 'age']);
    expect(keys('name and age, which are strings')).toEqual(['name', 'age']);
    expect(keys('name and age and no other keys')).toEqual(['name', 'age']);
  });

  it('reads nothing when the list is open-ended, has alternatives, repeats or continues oddly', () => {
    expect(keys('name, age, etc.')).toBeUndefined();
    expect(keys('name, age, and so on')).toBeUndefined();
    expect(keys('name or full_name')).toBeUndefined();
    expect(keys('name and age and return it')).toBeUndefined();
    expect(keys('name and age, city')).toBeUndefined();
    expect(keys('name, name')).toBeUndefined();
    expect(keys('name and the age')).toBeUndefined();
    expect(keys('the name')).toBeUndefined();
    expect(keys('" name"')).toBeUndefined();
  });

  it('reads only quoted names when asked to', () => {
    expect(keys('name and age', true)).toBeUndefined();
    expect(keys('`name` and `age`', true)).toEqual(['name', 'age']);
  });
});

describe('plausibleKey', () => {
  it('refuses stop words and adverbs, accepts names', () => {
    expect(['name', 'age', 'fullName', 'is_member', 'value'].every(plausibleKey)).toBe(true);
    expect(['the', 'for', 'such', 'keys', 'alphabetically', 'only'].some(plausibleKey)).toBe(false);
  });
});
