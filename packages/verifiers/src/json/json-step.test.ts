import { describe, expect, it } from 'vitest';
import { memberStep, parseStep, placeholderStep, stepKey, valueStep } from './json-step';

describe('JSON step texts', () => {
  it('round-trips members, placeholders and whole values', () => {
    expect(parseStep(memberStep('age', 34))).toEqual({ kind: 'member', key: 'age', value: 34 });
    expect(parseStep(memberStep('a"b', { x: [1, 'two'] }))).toEqual({ kind: 'member', key: 'a"b', value: { x: [1, 'two'] } });
    expect(parseStep(placeholderStep('city'))).toEqual({ kind: 'placeholder', key: 'city' });
    expect(parseStep(valueStep(['a', 'b']))).toEqual({ kind: 'value', value: ['a', 'b'] });
    // A string value is a whole value, not a member.
    expect(parseStep(valueStep('name'))).toEqual({ kind: 'value', value: 'name' });
  });

  it('writes members compactly, so equal members have equal text', () => {
    expect(memberStep('tags', ['a', 'b'])).toBe('"tags":["a","b"]');
  });

  it('refuses text that is none of the step kinds', () => {
    expect(parseStep('"a":1,"b":2')).toBeUndefined();
    expect(parseStep('name: Maria')).toBeUndefined();
    expect(parseStep('')).toBeUndefined();
  });

  it('names the key of members and placeholders only', () => {
    expect(stepKey(memberStep('age', 1))).toBe('age');
    expect(stepKey(placeholderStep('city'))).toBe('city');
    expect(stepKey(valueStep([1]))).toBeUndefined();
  });
});
