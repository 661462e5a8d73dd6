import { describe, expect, it } from 'vitest';
import type { Expr } from './expression';
import { analyseText } from './extract-equations';
import { layoutKey, layoutSlots, sideLayout } from './term-layout';

const sides = (text: string) => (analyseText(text).relations[0]?.sides ?? []) as Expr[];
const layout = (text: string) => sides(text).map((side) => sideLayout(side));

describe('sideLayout', () => {
  it('reads terms with their signed coefficients, groups and constants', () => {
    const [left, right] = layout('3(x - 2) + y/2 = -4');
    expect(layoutKey(left!)).toBe('g[v:x,c],v:y');
    expect(layoutSlots(left!).map((s) => `${s.kind}:${s.value.toFraction()}`)).toEqual([
      'coefficient:3',
      'coefficient:1',
      'constant:-2',
      'coefficient:1/2',
    ]);
    expect(layoutSlots(right!).map((s) => s.value.toFraction())).toEqual(['-4']);
  });

  it('gives the same key whatever the values and signs, another for another layout', () => {
    const key = (text: string) => layout(text).map((side) => layoutKey(side!)).join('=');
    expect(key('2x + 3 = 7')).toBe(key('2x - 5 = 11'));
    expect(key('2x + 3 = 7')).not.toBe(key('3 + 2x = 7'));
    expect(layoutKey(layout('2x + 3 = 7')[0]!, new Map([['x', 't']]))).toBe('v:t,c');
  });

  it('refuses sides that are not sums of constant multiples', () => {
    expect(sideLayout(sides('x*y = 3')[0]!)).toBeUndefined();
  });
});
