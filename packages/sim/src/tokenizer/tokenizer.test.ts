import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTokens, tokenize } from './tokenizer';

describe('tokenize', () => {
  it('splits any text into pieces that join back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(tokenize(text).join('')).toBe(text);
      }),
    );
  });

  it('counts words, numbers and symbols like a word-piece tokenizer', () => {
    expect(tokenize('Subtract 3 from both sides: 2x = 4')).toEqual(['Subtr', 'act', ' 3', ' from', ' both', ' sides', ':', ' 2', 'x', ' =', ' 4']);
    expect(countTokens('12345')).toBe(2);
    expect(countTokens('')).toBe(0);
  });
});
