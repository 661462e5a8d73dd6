import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { DerivationSearch } from './expression-search';
import type { Atom } from './problem-pair';

const f = (v: number | string) => new Fraction(v);
const atom = (label: string, old: number | string, next: number | string, kind?: 'coefficient' | 'constant'): Atom =>
  kind ? { label, old: f(old), next: f(next), kind } : { label, old: f(old), next: f(next) };

// 2x + 3 = 7 (x = 2) → 2x + 5 = 11 (x = 3).
const ATOMS = [atom('w0', 2, 2, 'coefficient'), atom('w1', 3, 5, 'constant'), atom('w2', 7, 11, 'constant'), atom('x', 2, 3)];
const shown = (search: DerivationSearch, target: number | string, kind?: 'coefficient' | 'constant') =>
  search.candidates(f(target), 6, kind).map((c) => `${c.value.toFraction()}:${c.label}`);

describe('DerivationSearch', () => {
  it('finds an atom, its negation and reciprocal before anything else', () => {
    const search = new DerivationSearch(ATOMS);
    expect(shown(search, 7)[0]).toBe('11:w2');
    expect(shown(search, -3)[0]).toBe('-5:-w1');
    expect(shown(search, '1/2')[0]).toBe('1/2:1/w0');
  });

  it('derives a number by one operation on two atoms, then with a small integer', () => {
    const search = new DerivationSearch(ATOMS);
    // 4 = 2 + 2 = 2·x = 7 − 3 …: each distinct new value once, the first expression found naming it.
    expect(shown(search, 4).slice(0, 3)).toEqual(['4:w0+w0', '5:w0+x', '6:w0*x']);
    expect(shown(search, 10)[0]).toBe('16:w1+w2');
    expect(shown(search, 14)[0]).toBe('22:w0*w2');
    // 21 = 7·3 is w2·w1; 70 needs a small integer: 7·10.
    expect(shown(search, 70)).toContain('110:w2*10');
  });

  it('derives a number by two operations', () => {
    const search = new DerivationSearch([atom('a', 13, 17), atom('b', 29, 31), atom('c', 101, 103)]);
    // 13·29 + 101 = 478 has no one-operation form.
    expect(shown(search, 478)).toContain(`${17 * 31 + 103}:(a*b)+c`);
  });

  it('ends with the number unchanged, and keeps 0 as it is', () => {
    const search = new DerivationSearch(ATOMS);
    const list = shown(search, 97);
    expect(list[list.length - 1]).toBe('97:=');
    expect(shown(search, 0)).toEqual(['0:=']);
  });

  it('prefers the newest remembered number, and atoms of the same kind', () => {
    const search = new DerivationSearch(ATOMS);
    expect(shown(search, 2, 'coefficient')[0]).toBe('2:w0');
    expect(shown(search, 2)[0]).toBe('2:w0');
    search.remember('s0.1', f(2), f(3));
    expect(shown(search, 2)[0]).toBe('3:s0.1');
    search.remember('s0.2', f(2), f(8), 'constant');
    expect(shown(search, 2, 'constant')[0]).toBe('8:s0.2');
    expect(shown(search, 2, 'coefficient')[0]).toBe('2:w0');
  });
});
