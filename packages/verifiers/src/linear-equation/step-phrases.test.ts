import { describe, expect, it } from 'vitest';
import { analyseText } from './extract-equations';
import { formatForm } from './linear-form';
import { readStepPlan, type StepAction } from './step-phrases';

const actions = (text: string): StepAction[] => readStepPlan(analyseText(text)).phrases.map((p) => p.action);
const sides = (text: string) =>
  actions(text).map((a) => (a.kind === 'sides' ? a.operations.map((o) => `${o.op} ${formatForm(o.operand)}`).join(', ') : a.kind));

describe('readStepPlan', () => {
  it('reads operations on both sides, with or without "both sides"', () => {
    expect(sides('Subtract 3 from both sides: 2x = 4')).toEqual(['subtract 3']);
    expect(sides('**Subtract \\(2x\\) from both sides** to collect the x terms:')).toEqual(['subtract 2x']);
    expect(sides('Subtract x and 6 from both sides.')).toEqual(['subtract x + 6']);
    expect(sides('Add -3 to each side of the equation.')).toEqual(['add -3']);
    expect(sides('Dividing by 5, x = 25/5 = 5.')).toEqual(['divide 5']);
    expect(sides('Multiply both sides by 10 to clear the decimals: 5x + 12 = 37.')).toEqual(['multiply 10']);
    expect(sides('Divide both sides by -11/2:')).toEqual(['divide -11/2']);
    expect(sides('Take 4 away from both sides.')).toEqual(['subtract 4']);
    expect(sides('Move 3 to the right side.')).toEqual(['move 3']);
    // Two operations with no equation between them are one, applied in order.
    expect(sides('Subtract 2x from both sides and add 6: x = 11')).toEqual(['subtract 2x, add 6']);
    // An operation after "by" says how the one before is done: one operation, not two.
    expect(sides('Move -7 to the right-hand side by adding 7: 5x = 25.')).toEqual(['add 7']);
    // Moves with the verb left out after the first.
    expect(sides('Bring 2x to the left and -6 to the right: 3x - 2x = 5 + 6')).toEqual(['move 2x, move -6']);
    expect(sides('Move 3 to the right and simplify: 2x = 4')).toEqual(['move 3']);
    expect(sides('Eliminate y by adding equations (1) and (2): 3x = 9')).not.toContain('add 3x');
  });

  it('reads combinations, multiples, substitutions and rearrangements of named equations', () => {
    expect(actions('Subtract equation (4) from equation (5):')).toEqual([
      {
        kind: 'combine',
        terms: [
          { ref: { kind: 'label', label: 5, renewed: false }, sign: 1 },
          { ref: { kind: 'label', label: 4, renewed: false }, sign: -1 },
        ],
      },
    ]);
    expect(actions('Adding the first and third equations gives 2x + 3y = 8.')[0]).toMatchObject({
      kind: 'combine',
      terms: [{ ref: { kind: 'ordinal', index: 0 } }, { ref: { kind: 'ordinal', index: 2 } }],
    });
    expect(actions('Add equation (2) to the new equation (1) so that p cancels:')[0]).toMatchObject({
      kind: 'combine',
      terms: [{ ref: { label: 2, renewed: false } }, { ref: { label: 1, renewed: true } }],
    });
    const scale = actions('Multiply equation (1) by 5 and equation (2) by 4 so the x coefficients match:')[0];
    expect(scale?.kind === 'scale' && scale.items.map((i) => [i.ref, i.factor.toFraction()])).toEqual([
      [{ kind: 'label', label: 1, renewed: false }, '5'],
      [{ kind: 'label', label: 2, renewed: false }, '4'],
    ]);
    expect(actions('Substitute \\( q = -\\frac{11}{2} \\) and \\( r = -1 \\) into equation (2):')[0]).toMatchObject({
      kind: 'substitute',
      values: [{ name: 'q' }, { name: 'r' }],
      target: { kind: 'label', label: 2 },
    });
    expect(actions('Substitute this expression into equation (2).')[0]).toMatchObject({ kind: 'substitute', values: 'this' });
    expect(actions('Substitute y = 2 back into x = 4 - 2y: x = 0')[0]).toMatchObject({ target: { kind: 'relation', index: 1 } });
    expect(actions('From equation (1), express x in terms of y: x = 3y - 17')[0]).toMatchObject({ kind: 'rearrange' });
    expect(actions('Swap the two sides so that y is on the left.')).toEqual([{ kind: 'swap', target: { kind: 'current' } }]);
  });

  it('marks what it cannot read with certainty as unclear, and skips purposes', () => {
    expect(sides('Subtract 3 or add -3 to both sides.')).toEqual(['unclear', 'unclear']);
    expect(sides('Divide both sides by the coefficient of x.')).toEqual(['unclear']);
    expect(sides('Subtract 3 from 7 to get 4.')).toEqual(['unclear']);
    expect(sides('Add the equations.')).toEqual(['unclear']);
    expect(sides('Substitute y = 2 back into the expression for x.')).toEqual(['unclear']);
    expect(sides('We need to isolate x, then solve for x.')).toEqual([]);
    expect(sides('Multiply the second result by 3: 9x + 3y = 15.')).toEqual(['unclear']);
  });

  it('says when a step only simplifies what came before', () => {
    const continues = (text: string) => readStepPlan(analyseText(text)).continues;
    expect(continues('Distribute and combine like terms: 2y + 2 + 3y = 12')).toBe(true);
    expect(continues('First, expand and simplify, which gives 3y + 9 = -15.')).toBe(true);
    expect(continues('Collecting terms in the second equation gives 2x + y = 5.')).toBe(false);
    expect(continues('Subtract 3 from both sides, which gives 2x = 4.')).toBe(false);
  });
});
