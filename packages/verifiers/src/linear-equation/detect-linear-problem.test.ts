import { describe, expect, it } from 'vitest';
import { detectLinearProblem } from './detect-linear-problem';

const options = { maxUnknowns: 3, maxPromptLength: 4000 };
const detect = (prompt: string) => detectLinearProblem(prompt, options);
const solution = (prompt: string) => {
  const problem = detect(prompt);
  return problem && Object.fromEntries([...problem.solution].map(([k, v]) => [k, v.toFraction()]));
};

describe('detectLinearProblem', () => {
  it.each([
    ['Solve for x: 2x + 3 = 7', { x: '2' }],
    ['Solve 3(x - 2) = 2x + 5.', { x: '11' }],
    ['Find x if 0.5x + 1.2 = 3.7', { x: '5' }],
    ['What is the value of x in 3x - 4 = 11?', { x: '5' }],
    ["What's x when 4x = 10?", { x: '5/2' }],
    ['Solve for x: −3x + 4 = 2x − 6', { x: '2' }],
    ['Solve \\(\\frac{x}{3} + 2 = 5\\) for \\(x\\).', { x: '9' }],
    ['Solve $\\frac{1}{2}x - \\frac{3}{4} = 2$', { x: '11/2' }],
    ['Solve for t: 7 - 2t = 3t + 22', { t: '-3' }],
    ['Compute n given that 4n + 6 = 30', { n: '6' }],
    ['Solve: 4(x + 1) = 2(x - 3)', { x: '-5' }],
    ['Find the solution of the equation 5x - 7 = 3x + 9.', { x: '8' }],
    ['2x + 3 = 7', { x: '2' }],
    ['2x + 5 = 11. x = ?', { x: '3' }],
    ['If 2x + 3 = 7, then what is x?', { x: '2' }],
    ['Please solve 2x + 3 = 7 step by step.', { x: '2' }],
    ['Can you solve 2x + 3 = 7 and show your work?', { x: '2' }],
    ['Solve for x and check your answer: 5x - 3 = 12', { x: '3' }],
    ['Solve the system: 2x + 3y = 12 and x - y = 1', { x: '3', y: '2' }],
    ['Determine a and b such that 2a + b = 7, a - b = 2.', { a: '3', b: '1' }],
    ['Solve the following system of equations for x and y:\n2x + y = 5\nx - y = 1', { x: '2', y: '1' }],
    ['Solve the system of equations:\n- 2x + 3y = 12\n- x − y = 1', { x: '3', y: '2' }],
    ['x + y = 10, x - y = 2. Find x and y.', { x: '6', y: '4' }],
    ['Find p and q: 3p + 2q = 16; p - q = 2', { p: '4', q: '2' }],
    ['Solve for x1 and x2: x1 + x2 = 5, x1 - x2 = 1', { x_1: '3', x_2: '2' }],
    [
      'Solve the system $$\\begin{cases} x + y + z = 6 \\\\ 2x - y + z = 3 \\\\ x + 2y - z = 2 \\end{cases}$$',
      { x: '1', y: '2', z: '3' },
    ],
    ['Solve:\n(1) 2x + 3y = 12\n(2) x - y = 1', { x: '3', y: '2' }],
    ['Q: Solve 5(2x - 1) = 3(x + 4). A:', { x: '17/7' }],
    ['What is the value of t in the equation 46 = 4t + 2?', { t: '11' }],
    ['Find the value of x that makes 4x - 7 = 2x + 9 true.', { x: '8' }],
    ['Solve for x: x/2 + x/3 = 5. Give your answer as a fraction in lowest terms.', { x: '6' }],
    ['Solve 2x + 3 = 7. Show your work and put the final answer in \\boxed{}.', { x: '2' }],
    ['Solve the equation (x + 3)/2 = 5 for x, showing each step.', { x: '7' }],
  ])('accepts %j', (prompt, expected) => {
    expect(solution(prompt)).toEqual(expected);
  });

  it.each([
    'Is x = 3 a solution of 2x + 3 = 9?',
    'Is 3 a solution of 2x + 3 = 9?',
    'Does x = 2 satisfy 2x + 3 = 7?',
    'Check whether x = 2 satisfies 2x + 3 = 7',
    'Verify that 2x + 3 = 7 when x is 2.',
    'How many solutions does 2x + 3 = 7 have?',
    'Solve 2x + 3 > 7',
    'Solve 2x + 3 \\leq 7',
    'Solve x^2 - 4 = 0',
    'Solve 2x + 3 = 7 and x^2 = 4',
    'Solve 2xy + 3 = 7',
    'Solve x*y = 6, x + y = 5',
    'Solve 1/x + 2 = 3',
    'Solve |x - 2| = 3',
    'Solve \\sqrt{x} = 3',
    'Solve for x: 2x + 3 = 7 and then compute x^2',
    'Solve 2x + 3 = 7, then find x squared.',
    'Solve 2x + 3 = 7 and give x + 1',
    'Solve x + y = 5, x - y = 1 and give x + y',
    'Solve 2x + 3 = 7. Express the answer in words.',
    'Solve for x: 2x + 3 = 7. Round your answer to two decimal places.',
    'Graph y = 2x + 1',
    'Simplify 2x + 3x = 10',
    'Factor 2x + 4 = 0',
    'Explain why 2x + 3 = 7 has exactly one solution.',
    'Prove that 2x + 3 = 7 implies x = 2.',
    'True or false: x = 2 solves 2x + 3 = 7',
    'Solve x + y = 5',
    'Solve x + y = 2, 2x + 2y = 4',
    'Solve x + y = 2, x + y = 3',
    'Solve for y: 2x + 3 = 7',
    'Find y if 2x + 3 = 7.',
    'Solve \\(2x + 3 = 7\\) and state \\(k\\).',
    'Solve for x in terms of y: 2x + y = 7',
    'Solve a x + b = c for x',
    'If x = 3, what is 2x + 1?',
    'What is 2 + 3 = ?',
    'Tell me a joke about equations.',
    'A number doubled plus 3 is 7. Find the number.',
    'Tom has x apples and 2x + 3 = 11. How many apples does Tom have?',
    'Solve w + x + y + z = 4, w - x = 0, y - z = 0, w + z = 2',
  ])('rejects %j', (prompt) => {
    expect(detect(prompt)).toBeUndefined();
  });

  it('records which unknowns are asked for', () => {
    expect(detect('Find x if 2x + y = 7 and x - y = 2')?.asked).toEqual(['x']);
    expect(detect('Solve 2x + y = 7 and x - y = 2')?.asked).toEqual(['x', 'y']);
    expect(detect('What is the value of y in the system 2x + y = 7, x - y = 2?')?.asked).toEqual(['y']);
    expect(detect('Find \\(x\\) if \\(2x + y = 7\\) and \\(x - y = 2\\).')?.asked).toEqual(['x']);
    // A comma list of names: every one is asked for.
    expect(detect('Find p, q and r such that 3q + 2r = -8, -5p + q - r = -42 and 5p + 7q + 6r = 40.')?.asked).toEqual(['q', 'r', 'p']);
    expect(detect('Find x, y such that x + y = 3 and x - y = 1.')?.asked).toEqual(['x', 'y']);
  });

  it('keeps the unknowns in order of appearance and fixes tuple order only when unambiguous', () => {
    const natural = detect('Solve 2x + y = 7 and x - y = 2');
    expect(natural?.unknowns).toEqual(['x', 'y']);
    expect(natural?.tupleOrder).toEqual(['x', 'y']);
    const reversed = detect('Solve y = 2x + 1, 3x + y = 11');
    expect(reversed?.unknowns).toEqual(['y', 'x']);
    expect(reversed?.tupleOrder).toBeUndefined();
    expect(detect('Solve y = 2x + 1, 3x + y = 11 and give the pair (x, y)')?.tupleOrder).toEqual(['x', 'y']);
  });

  it('records a named solving method', () => {
    expect(detect('Solve by substitution: y = 2x + 1, 3x + y = 11')?.method).toBe('substitution');
    expect(detect('Use elimination to solve x + y = 3, x - y = 1')?.method).toBe('elimination');
    expect(detect('Solve x + y = 3, x - y = 1')?.method).toBeUndefined();
  });

  it('respects maxUnknowns and maxPromptLength', () => {
    expect(detectLinearProblem('Solve x + y = 3, x - y = 1', { maxUnknowns: 1, maxPromptLength: 100 })).toBeUndefined();
    expect(detectLinearProblem('Solve 2x + 3 = 7', { maxUnknowns: 3, maxPromptLength: 10 })).toBeUndefined();
  });

  it('justifies the problem numbers, its standard form and its solution', () => {
    const problem = detect('Solve 3(x - 2) = 2x + 5');
    for (const n of ['3', '2', '5', '11']) expect(problem?.justifiedNumbers.has(n)).toBe(true);
    expect(problem?.justifiedNumbers.has('7')).toBe(false);
  });
});
