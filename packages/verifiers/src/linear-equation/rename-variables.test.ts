import { describe, expect, it } from 'vitest';
import { renameVariables } from './rename-variables';

const xy = new Map([
  ['x', 'a'],
  ['y', 'b'],
]);

describe('renameVariables', () => {
  it('renames variables in plain equations and prose mentions', () => {
    expect(renameVariables('2x + 3y = 12, so x = 3 and y = 2.', xy)).toBe('2a + 3b = 12, so a = 3 and b = 2.');
    expect(renameVariables('Solve for x: isolate x by dividing.', xy)).toBe('Solve for a: isolate a by dividing.');
    expect(renameVariables('The value of x is 3.', xy)).toBe('The value of a is 3.');
  });

  it('renames inside math delimiters but not inside commands or \\text', () => {
    expect(renameVariables('\\(x = \\frac{y}{2}\\) and \\[2xy\\]', xy)).toBe('\\(a = \\frac{b}{2}\\) and \\[2ab\\]');
    expect(renameVariables('$\\text{for every x} \\; x = 1$', xy)).toBe('$\\text{for every x} \\; a = 1$');
    expect(renameVariables('\\(\\boxed{x = 2}\\)', xy)).toBe('\\(\\boxed{a = 2}\\)');
  });

  it('never touches letters inside words, abbreviations or contractions', () => {
    const text = "Next, we examine the expression, e.g. the x's sign; let's say extra yields.";
    expect(renameVariables(text, xy)).toBe(text);
  });

  it('swaps variables consistently', () => {
    const swap = new Map([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(renameVariables('x - y = 1 so x = y + 1', swap)).toBe('y - x = 1 so y = x + 1');
  });

  it('handles subscripted names', () => {
    const map = new Map([
      ['x_1', 'u'],
      ['x_2', 'v'],
    ]);
    expect(renameVariables('x1 + x_2 = 5 and \\(x_{1} - x_{2} = 1\\)', map)).toBe('u + v = 5 and \\(u - v = 1\\)');
    expect(renameVariables('u = 3', new Map([['u', 'x_12']]))).toBe('x_12 = 3');
    expect(renameVariables('$u = 3$', new Map([['u', 'x_12']]))).toBe('$x_{12} = 3$');
  });

  it('renames the letters "a" and "I" in prose only next to math or after a cue', () => {
    const map = new Map([
      ['a', 'x'],
      ['b', 'y'],
    ]);
    expect(renameVariables('This is a linear system, so solve for a and b: 2a + b = 7, a - b = 2.', map)).toBe(
      'This is a linear system, so solve for x and y: 2x + y = 7, x - y = 2.',
    );
    expect(renameVariables('For a moment, assume a = 3.', map)).toBe('For a moment, assume x = 3.');
    expect(renameVariables('I isolate b.', new Map([['I', 'z'], ['b', 'y']]))).toBe('I isolate y.');
  });
});
