import { describe, expect, it } from 'vitest';
import { closingIndex, extractJson } from './extract-json';

describe('extractJson', () => {
  it('finds the object after a lead-in and before closing prose', () => {
    expect(extractJson('Here is the JSON:\n{"a": 1}\nLet me know if you need more.', 'object')).toEqual({
      text: '{"a": 1}',
      closed: true,
    });
  });

  it('takes the value inside a code fence, ignoring braces in the prose around it', () => {
    const text = 'Use the {name} field.\n```json\n{"name": "Ann", "note": "a } in a string"}\n```\nDone {ok}.';
    expect(extractJson(text, 'object')).toEqual({ text: '{"name": "Ann", "note": "a } in a string"}', closed: true });
  });

  it('skips prose braces that do not start an object', () => {
    expect(extractJson('Fill {name, age} like this: {"name": "Bo"}', 'object')?.text).toBe('{"name": "Bo"}');
  });

  it('runs an unclosed value (a stream, a cut-off answer) to the end', () => {
    expect(extractJson('```json\n{"a": 1, "b": [1, 2', 'object')).toEqual({ text: '{"a": 1, "b": [1, 2', closed: false });
  });

  it('finds arrays only when any root is allowed', () => {
    expect(extractJson('Result: [1, 2, 3]', 'any')).toEqual({ text: '[1, 2, 3]', closed: true });
    expect(extractJson('Result: [1, 2, 3]', 'object')).toBeUndefined();
  });

  it('handles single-quoted strings with escapes', () => {
    expect(extractJson("{'a': 'it\\'s }'} tail", 'object')?.text).toBe("{'a': 'it\\'s }'}");
  });

  it('returns undefined when there is no JSON', () => {
    expect(extractJson('I cannot help with that.', 'any')).toBeUndefined();
  });

  it('starts the value at the same place in every prefix that contains it', () => {
    const text = 'Sure! Here it is:\n```json\n{"name": "Ann", "age": 3}\n```';
    const start = text.indexOf('{');
    for (let k = start + 1; k <= text.length; k += 1) {
      const span = extractJson(text.slice(0, k), 'object');
      expect(span?.text).toBe(text.slice(start, Math.min(k, text.indexOf('}') + 1)));
    }
  });
});

describe('closingIndex', () => {
  it('finds the matching bracket across nesting and strings', () => {
    const text = '{"a": {"b": "]"}, "c": [1]} x';
    expect(closingIndex(text, 0)).toBe(text.indexOf(' x'));
    expect(closingIndex('{"a": [1', 0)).toBeUndefined();
  });
});
