import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { addForms, formatForm, formOf, formsEqual, isIntegralForm, ratioOf, scaleForm, substituteForm } from './linear-form';
import { parseMath } from './parse-math';

const form = (text: string) => formOf(parseMath(text)!)!;

describe('linear forms', () => {
  it('simplifies an expression to a linear polynomial, and refuses non-linear ones', () => {
    expect(formsEqual(form('2(y + 2) + y'), form('3y + 4'))).toBe(true);
    expect(formsEqual(form('-3p + 4 \\cdot (-\\frac{11}{2}) + 7 \\cdot (-1)'), form('-3p - 29'))).toBe(true);
    expect(formsEqual(form('-3p + 4 \\cdot (-\\frac{11}{2}) + 7 \\cdot (-1)'), form('-2p - 32'))).toBe(false);
    expect(formOf(parseMath('x y')!)).toBeUndefined();
  });

  it('finds the ratio between multiples and nothing otherwise', () => {
    expect(ratioOf(form('2x - 4'), form('x - 2'))?.toFraction()).toBe('1/2');
    expect(ratioOf(form('-3p + 9'), form('-2p + 6'))?.toFraction()).toBe('2/3');
    expect(ratioOf(form('x + y'), form('x - y'))).toBeUndefined();
    expect(ratioOf(form('x'), form('x + 1'))).toBeUndefined();
  });

  it('adds, scales and substitutes', () => {
    expect(formatForm(addForms(form('2x + 3'), form('x - 1'), new Fraction(-1)))).toBe('x + 4');
    expect(formatForm(scaleForm(form('2x - 4'), new Fraction(1, 2)))).toBe('x - 2');
    expect(formatForm(substituteForm(form('2x + 3y'), new Map([['y', form('x + 1')]])))).toBe('5x + 3');
    expect(formatForm(form('-(1/2)x + y - 3/4'))).toBe('-(1/2)x + y - 3/4');
    expect(isIntegralForm(form('2x + 3'))).toBe(true);
    expect(isIntegralForm(form('0.5x + 3'))).toBe(false);
  });
});
