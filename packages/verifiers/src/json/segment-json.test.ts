import { describe, expect, it } from 'vitest';
import { parseLoose, segmentJson } from './segment-json';

describe('segmentJson', () => {
  it('splits an object into one step per top-level key', () => {
    expect(segmentJson('{"name": "Ann", "age": 41, "address": {"city": "Oslo"}}', 'object')).toEqual([
      '"name":"Ann"',
      '"age":41',
      '"address":{"city":"Oslo"}',
    ]);
  });

  it.each([
    ['a code fence', '```json\n{"name": "Ann", "age": 41}\n```'],
    ['prose around it', 'Here is the JSON:\n{"name": "Ann", "age": 41}\nHope this helps!'],
    ['a trailing comma', '{"name": "Ann", "age": 41,}'],
    ['single quotes', "{'name': 'Ann', 'age': 41}"],
    ['unquoted keys', '{name: "Ann", age: 41}'],
    ['a missing closing brace', '{"name": "Ann", "age": 41'],
  ])('repairs %s locally', (_name, text) => {
    expect(segmentJson(text, 'object')).toEqual(['"name":"Ann"', '"age":41']);
  });

  it('reads Python-style literals', () => {
    expect(segmentJson('{"member": True, "nick": None}', 'object')).toEqual(['"member":true', '"nick":null']);
  });

  it('leaves out a member cut inside its value instead of shortening it', () => {
    expect(segmentJson('{"name": "Ann", "city": "Os', 'object')).toEqual(['"name":"Ann"']);
    expect(segmentJson('{"name": "Ann", "tags": ["a", "b"', 'object')).toEqual(['"name":"Ann"']);
  });

  it('keeps the first of repeated keys', () => {
    expect(segmentJson('{"a": 1, "a": 2}', 'object')).toEqual(['"a":1']);
  });

  it('gives whole non-object values as one step', () => {
    expect(segmentJson('The list: [1, 2, 3]', 'any')).toEqual(['[1,2,3]']);
    expect(segmentJson('"positive"', 'other')).toEqual(['"positive"']);
    expect(segmentJson('[1, 2', 'any')).toEqual([]);
  });

  it('finds nothing in prose without JSON', () => {
    expect(segmentJson('Sorry, I cannot do that.', 'object')).toEqual([]);
    expect(segmentJson('Sorry, I cannot do that.', 'any')).toEqual([]);
  });

  it('is prefix-stable for a streamed answer', () => {
    const text = 'Here you go:\n```json\n{\n  "name": "Ann",\n  "tags": ["x", "y"],\n  "age": 41,\n  "ok": true\n}\n```';
    const full = segmentJson(text, 'object');
    for (let k = 1; k <= text.length; k += 1) {
      const settled = segmentJson(text.slice(0, k), 'object').slice(0, -1);
      expect(full.slice(0, settled.length)).toEqual(settled);
    }
  });
});

describe('parseLoose', () => {
  it('parses strict JSON and repairs what it can', () => {
    expect(parseLoose('{"a": 1}')).toEqual({ value: { a: 1 } });
    expect(parseLoose("{'a': 1,}")).toEqual({ value: { a: 1 } });
    expect(parseLoose('{"a": ')).toBeDefined();
  });
});
