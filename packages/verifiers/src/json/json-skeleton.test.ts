import { describe, expect, it } from 'vitest';
import { isJsonSkeleton, jsonSkeletons } from './json-skeleton';

const keys = (text: string) => jsonSkeletons(text).map((s) => s.keys);

describe('jsonSkeletons', () => {
  it('reads flat objects of placeholders, keys quoted or bare', () => {
    expect(keys('Use {"name": "...", "age": ...}.')).toEqual([['name', 'age']]);
    expect(keys("{ name: <string>, 'e-mail': '', tags: [], ok: boolean, }")).toEqual([['name', 'e-mail', 'tags', 'ok']]);
    expect(keys('{"city": "<city of birth>", "zip": null, "n": "number", "x": \u2026}')).toEqual([['city', 'zip', 'n', 'x']]);
  });

  it('gives the span of the braces', () => {
    const text = 'Like this: {"a": "..."} please';
    const [skeleton] = jsonSkeletons(text);
    expect(text.slice(skeleton!.start, skeleton!.end)).toBe('{"a": "..."}');
  });

  it('does not read examples, nested objects, schemas or template braces', () => {
    expect(keys('{"name": "Ann", "age": 34}')).toEqual([]);
    expect(keys('{"name": "...", "address": {"city": "..."}}')).toEqual([]);
    expect(keys('{"type": "object", "properties": {"name": {"type": "string"}}}')).toEqual([]);
    expect(keys('Hello {name}, your code is {code}')).toEqual([]);
    expect(keys('{"a": "...", "a": "..."}')).toEqual([]);
  });
});

describe('isJsonSkeleton', () => {
  it('is true for a whole skeleton, fenced or not', () => {
    expect(isJsonSkeleton('  {"a": "..."} ')).toBe(true);
    expect(isJsonSkeleton('```json\n{"a": "...",\n "b": "..."}\n```')).toBe(true);
    expect(isJsonSkeleton('{"a": "..."} and more')).toBe(false);
    expect(isJsonSkeleton('{"a": "Ann"}')).toBe(false);
  });
});
