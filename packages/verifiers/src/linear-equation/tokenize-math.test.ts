import { describe, expect, it } from 'vitest';
import { MATH_CLOSE, MATH_OPEN } from './normalise-math';
import { tokenizeMath } from './tokenize-math';

const kinds = (text: string) => tokenizeMath(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenizeMath', () => {
  it('reads numbers, variables, operators and relations', () => {
    expect(kinds('2.5x_1 - .5 >= 3')).toEqual(['num:2.5', 'var:x_1', 'op:-', 'num:.5', 'rel:≥', 'num:3']);
    expect(kinds('x = 2.333...')).toEqual(['var:x', 'rel:=', 'num:2.333']);
    expect(tokenizeMath('2.333...')[0]?.truncated).toBe(true);
  });

  it('keeps English words whole and marks words glued to math as garbage', () => {
    expect(kinds("let's solve 2nd x")).toEqual(["word:let's", 'word:solve', 'word:2nd', 'var:x']);
    expect(kinds('2xy')).toEqual(['num:2', 'garbage:xy']);
  });

  it('splits letter runs into variables inside math delimiters', () => {
    expect(kinds(`${MATH_OPEN}2xy and z${MATH_CLOSE}`)).toEqual([
      'break:',
      'num:2',
      'var:x',
      'var:y',
      'word:and',
      'var:z',
      'break:',
    ]);
  });

  it('treats arrows and semicolons as breaks and newlines only outside math', () => {
    expect(kinds('a => b; c')).toEqual(['var:a', 'break:⇒', 'var:b', 'break:;', 'var:c']);
    expect(kinds(`${MATH_OPEN}x\n= 2${MATH_CLOSE}\ny`)).toEqual(['break:', 'var:x', 'rel:=', 'num:2', 'break:', 'break:\n', 'var:y']);
  });
});
