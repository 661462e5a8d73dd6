import { describe, expect, it } from 'vitest';
import { literalSupported, SourceIndex } from './value-support';

const index = (text: string) => new SourceIndex(text, 3);
const supported = (value: string | number, cached: string, next: string) => literalSupported(value, index(cached), index(next));

describe('literalSupported', () => {
  it('supports a value the new text states in the same place', () => {
    expect(supported('Lisbon', 'Name: Ann Berg\nCity: Lisbon', 'Name: Bo Lind\nCity: Lisbon')).toBe(true);
    expect(
      supported(
        'Lisbon',
        'Ann Berg is a nurse who lives in Lisbon, Portugal.',
        'Bo Lind is a pilot who lives in Lisbon, Portugal.',
      ),
    ).toBe(true);
  });

  it('refuses a value the new text does not state', () => {
    expect(supported('Ann Berg', 'Name: Ann Berg', 'Name: Bo Lind')).toBe(false);
    expect(supported(34, 'Ann is a 34-year-old nurse.', 'Bo is a 41-year-old pilot.')).toBe(false);
  });

  it('refuses a value that now appears in another role or as part of a longer value', () => {
    expect(supported('Lisbon', 'City: Lisbon', 'City: Porto\nPrevious city: Lisbon')).toBe(false);
    expect(supported('Lisbon', 'City: Lisbon', 'City: Lisbon Heights')).toBe(false);
    expect(supported('Tom', 'Name: Tom', 'Name: Tomas')).toBe(false);
  });

  it('refuses a value the cached text never stated (it was derived)', () => {
    expect(supported('2024-03-05', 'Signed up: March 5, 2024', 'Signed up: March 5, 2024')).toBe(false);
  });

  it('reads numbers as numbers: grouping, signs, decimals', () => {
    expect(supported(52000, 'Salary: $52,000', 'Salary: $52,000')).toBe(true);
    expect(supported(5, 'Change: 5', 'Change: -5')).toBe(false);
    expect(supported(3, 'Rating: 3', 'Rating: 3.5')).toBe(false);
    expect(supported(2.5, 'Rating: 2.5', 'Rating: 2.5')).toBe(true);
  });

  it('ignores case and spacing differences', () => {
    expect(supported('Ann  Berg', 'NAME: ANN BERG', 'Name: Ann Berg')).toBe(true);
  });
});
