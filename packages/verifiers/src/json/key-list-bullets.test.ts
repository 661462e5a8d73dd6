import { describe, expect, it } from 'vitest';
import { bulletKeyLists } from './key-list-bullets';

describe('bulletKeyLists', () => {
  it('reads one name per bullet right after a line ending in "keys:" or "fields:"', () => {
    const text = 'Return JSON with the following keys:\n- name\n* `age`\n\u2022 "email",\nThen stop.';
    const [list] = bulletKeyLists(text);
    expect(list?.keys).toEqual(['name', 'age', 'email']);
    expect(text.slice(list!.start, list!.end)).toBe('- name\n* `age`\n\u2022 "email",');
    expect(bulletKeyLists('Fields:\n1. title\n2) author')[0]?.keys).toEqual(['title', 'author']);
  });

  it('reads nothing from bullets that carry more than a name, or without the lead line', () => {
    expect(bulletKeyLists('Fields:\n- name: the full name\n- age')).toEqual([]);
    expect(bulletKeyLists('Fields:\n- Name: Ann Berg\n- Age: 34')).toEqual([]);
    expect(bulletKeyLists('Fields:\n- age (in years)')).toEqual([]);
    expect(bulletKeyLists('Return JSON:\n- name\n- age')).toEqual([]);
    expect(bulletKeyLists('Keys:\n\n- name')).toEqual([]);
    expect(bulletKeyLists('Keys:\n- name\n- name')).toEqual([]);
    expect(bulletKeyLists('Rotate these API keys:\n- prod\n- staging')).toEqual([]);
  });
});
