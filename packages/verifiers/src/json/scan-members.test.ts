import { describe, expect, it } from 'vitest';
import { scanMembers } from './scan-members';

const texts = (objectText: string) => scanMembers(objectText).map((m) => [m.text.trim(), m.complete]);

describe('scanMembers', () => {
  it('splits top-level members and keeps nested values whole', () => {
    expect(texts('{"a": 1, "b": {"c": [1, 2], "d": "x,y"}, "e": "}"}')).toEqual([
      ['"a": 1', true],
      ['"b": {"c": [1, 2], "d": "x,y"}', true],
      ['"e": "}"', true],
    ]);
  });

  it('tolerates single quotes, bare keys and a trailing comma', () => {
    expect(texts("{name: 'O\\'Brien', 'age': 3,}")).toEqual([
      ["name: 'O\\'Brien'", true],
      ["'age': 3", true],
    ]);
  });

  it('treats a missing closing brace after a whole value as complete', () => {
    expect(texts('{"a": 1, "b": "x"')).toEqual([
      ['"a": 1', true],
      ['"b": "x"', true],
    ]);
  });

  it('never completes a value cut inside a string or a nested bracket', () => {
    expect(texts('{"a": 1, "b": "Lis')).toEqual([
      ['"a": 1', true],
      ['"b": "Lis', false],
    ]);
    expect(texts('{"a": 1, "b": [1, 2')).toEqual([
      ['"a": 1', true],
      ['"b": [1, 2', false],
    ]);
    expect(texts('{"a": 1, "b"')).toEqual([
      ['"a": 1', true],
      ['"b"', false],
    ]);
  });

  it('is prefix-stable: growing text only changes the last member', () => {
    const text = '{"name": "Ann", "tags": ["a", "b"], "address": {"city": "Oslo"}, "age": 41}';
    const full = scanMembers(text).map((m) => m.text);
    for (let k = 1; k <= text.length; k += 1) {
      const settled = scanMembers(text.slice(0, k)).map((m) => m.text).slice(0, -1);
      expect(full.slice(0, settled.length)).toEqual(settled);
    }
  });
});
