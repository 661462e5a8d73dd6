import { describe, expect, it } from 'vitest';
import { findEquations, readLinearSystem } from './parse-equations';

const show = (text: string) => {
  const s = readLinearSystem(text);
  return s && { variables: s.variables, equations: s.equations.map((e) => [...e.coeffs.map((c) => c.toFraction()), e.rhs.toFraction()]) };
};

describe('readLinearSystem', () => {
  it('reads one-unknown equations out of prose, brackets and fractions included', () => {
    expect(show('Solve for x: 3x + 5 = 20.')).toEqual({ variables: ['x'], equations: [['3', '15']] });
    expect(show('Find t if 3(t - 2) = t + 8. Show your steps.')).toEqual({ variables: ['t'], equations: [['2', '14']] });
    expect(show('What is n in n/2 + 1 = 4?')).toEqual({ variables: ['n'], equations: [['1/2', '3']] });
    expect(show('Solve \\( 2x - 7 = 3 \\)')).toEqual({ variables: ['x'], equations: [['2', '10']] });
  });

  it('reads 2 and 3 unknown systems separated by commas, "and" or lines', () => {
    expect(show('Solve the system: 2x + 3y = 12 and x - y = 1')).toEqual({ variables: ['x', 'y'], equations: [['2', '3', '12'], ['1', '-1', '1']] });
    expect(show('Find a, b and c if a + b + c = 6, 2a - b + c = 3, a + 2b - c = 2.')?.variables).toEqual(['a', 'b', 'c']);
    expect(show('Solve step by step:\n4m - n = 7\nm + 2n = 4')?.equations).toEqual([['4', '-1', '7'], ['1', '2', '4']]);
  });

  it('ignores non-linear equations and text without equations', () => {
    expect(readLinearSystem('Solve x^2 = 4')).toBeNull();
    expect(readLinearSystem('Solve xy = 2 and x + y = 3')?.variables).toEqual(undefined);
    expect(readLinearSystem('Write a poem about the sea.')).toBeNull();
    expect(readLinearSystem('Name: Maria\nAge: 34')).toBeNull();
  });

  it('reads a chain x = 8/2 = 4 as its first and last parts', () => {
    expect(findEquations('x = 8/2 = 4')).toEqual([{ left: 'x', right: '4' }]);
  });
});
