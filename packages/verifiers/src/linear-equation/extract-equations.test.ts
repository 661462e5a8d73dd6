import { describe, expect, it } from 'vitest';
import { analyseText } from './extract-equations';

const relations = (text: string) => analyseText(text).relations.map((r) => r.text);

describe('analyseText', () => {
  it('finds equations in prose, LaTeX and Markdown', () => {
    expect(relations('Solve for x: 2x + 3 = 7')).toEqual(['2x + 3 = 7']);
    expect(relations('To solve the equation \\(2x + 3 = 7\\), follow these steps:')).toEqual(['2x + 3 = 7']);
    expect(relations('1. **Subtract 3 from both sides:**\n   \\[\n   2x + 3 - 3 = 7 - 3\n   \\]')).toEqual([
      '2x + 3 - 3 = 7 - 3',
    ]);
    expect(relations('So x = 3 − 1 = 2.')).toEqual(['x = 3 - 1 = 2']);
    expect(relations('**Answer:** x = 7/3 ≈ 2.33')).toEqual(['x = 7/3 ≈ 2.33']);
    expect(relations('$$x = \\frac{4}{2} = 2$$')).toEqual(['x = 4/2 = 2']);
  });

  it('separates equations at commas, "and", semicolons, newlines and bullets', () => {
    expect(relations('x + y = 10, x - y = 2')).toEqual(['x + y = 10', 'x - y = 2']);
    expect(relations('2x + 3y = 12 and x − y = 1')).toEqual(['2x + 3y = 12', 'x - y = 1']);
    expect(relations('2x+3y=12; x-y=1')).toEqual(['2x + 3y = 12', 'x - y = 1']);
    expect(relations('Solve the system:\n- 2x + y = 5\n- x - y = 1')).toEqual(['2x + y = 5', 'x - y = 1']);
    expect(relations('\\[\\begin{cases} 2x + y = 5 \\\\ x - y = 1 \\end{cases}\\]')).toEqual(['2x + y = 5', 'x - y = 1']);
    expect(relations('\\(x = 3\\) and \\(y = 2\\)')).toEqual(['x = 3', 'y = 2']);
  });

  it('drops equation labels instead of multiplying by them', () => {
    expect(relations('(1) 2x + 3y = 12\n(2) x - y = 1')).toEqual(['2x + 3y = 12', 'x - y = 1']);
    expect(relations('2x + 3y = 12   (1)')).toEqual(['2x + 3y = 12']);
    expect(relations('\\begin{align*} 1) & \\quad 2x + 3y = 12 \\\\ 2) & \\quad x - y = 1 \\end{align*}')).toEqual([
      '2x + 3y = 12',
      'x - y = 1',
    ]);
    expect(relations('From equation (2), x = y + 1')).toEqual(['x = y + 1']);
  });

  it('labels equations written next to a label and reads other labels as references', () => {
    const labels = (text: string) => analyseText(text).relations.map((r) => r.label);
    const refs = (text: string) => analyseText(text).prose.flatMap((p) => (p.kind === 'ref' ? [p.label] : []));
    expect(labels('(1) 2x + 3y = 12\n(2) x - y = 1')).toEqual([1, 2]);
    expect(labels('\\[ -3y - z = -9 \\quad (4) \\]')).toEqual([4]);
    expect(labels('-13y + 9z = -67   (4)')).toEqual([4]);
    expect(labels('\\begin{align*} 1) & \\quad 2x + 3y = 12 \\\\ 2) & \\quad x - y = 1 \\end{align*}')).toEqual([1, 2]);
    expect(labels('From equation (2), x = y + 1')).toEqual([undefined]);
    expect(refs('Subtract equation (4) from equation 5: 2x = 4')).toEqual([4, 5]);
    expect(refs('Add the new equation (1) and (2):')).toEqual([1, 2]);
    expect(refs('From equation 2), solve for x:')).toEqual([2]);
    expect(refs('(1) 2x + 3y = 12')).toEqual([]);
  });

  it('keeps multi-line display math together and splits aligned rows', () => {
    expect(relations('\\[\nx = \\frac{4}{2}\n= 2\n\\]')).toEqual(['x = 4/2 = 2']);
    expect(relations('\\[\\begin{aligned} 2x + 3 &= 7 \\\\ 2x &= 4 \\end{aligned}\\]')).toEqual(['2x + 3 = 7', '2x = 4']);
  });

  it('never reads English words as variables', () => {
    const analysis = analyseText('This gives a new equation 2x = 4 and I get x = 2');
    expect(analysis.relations.map((r) => r.text)).toEqual(['2x = 4', 'x = 2']);
  });

  it('drops dangling relations next to words but flags glued garbage', () => {
    const side = analyseText('The left side = 9');
    expect(side.relations).toHaveLength(0);
    expect(side.dangling).toBe(1);
    expect(analyseText('2xy = 4').unreadable).toHaveLength(1);
    expect(analyseText('x = ±2').unreadable).toHaveLength(1);
    expect(analyseText('Check: 2(3) + 3 = 9 = RHS ✓').relations.map((r) => r.text)).toEqual(['2*3 + 3 = 9']);
  });

  it('reads math on both sides of an unmatched bracket instead of dropping it', () => {
    expect(relations('x = 2 (since 4 ÷ 2 = 3)')).toEqual(['x = 2', '4/2 = 3']);
    expect(relations('(so x = 2')).toEqual(['x = 2']);
    expect(relations('x = 2 (4/2 = 2')).toEqual(['x = 2', '4/2 = 2']);
  });

  it('reports inequalities', () => {
    expect(analyseText('Solve 2x + 3 > 7').inequalities).toEqual(['2x + 3 > 7']);
    expect(analyseText('x \\leq 4').inequalities).toHaveLength(1);
  });

  it('reads tuples, bracketed relation lists and arrows', () => {
    expect(relations('(x, y) = (2, 3)')).toEqual(['(x, y) = (2, 3)']);
    expect(relations('(x = 2, y = 3)')).toEqual(['x = 2', 'y = 3']);
    expect(relations('2x = 4 \\Rightarrow x = 2')).toEqual(['2x = 4', 'x = 2']);
    expect(relations('2x = 4 => x = 2')).toEqual(['2x = 4', 'x = 2']);
    const pair = analyseText('The solution is (2, 3).');
    expect(pair.fragments[0]?.expr?.kind).toBe('tuple');
  });

  it('collects prose numbers as fragments and keeps the prose skeleton', () => {
    const analysis = analyseText('Step 2: Subtract 3 from both sides.');
    expect(analysis.relations).toHaveLength(0);
    expect(analysis.fragments.map((f) => f.literals.map((l) => l.toFraction()))).toEqual([['3']]);
    expect(analysis.prose.filter((p) => p.kind === 'word').map((p) => (p.kind === 'word' ? p.text : ''))).toEqual([
      'subtract',
      'from',
      'both',
      'sides',
    ]);
  });

  it('reads boxed answers as answer statements', () => {
    const analysis = analyseText('The final answer is: $\\boxed{2}$');
    expect(analysis.prose.map((p) => (p.kind === 'word' ? p.text : p.kind))).toContain('answer');
    expect(analysis.fragments.at(-1)?.literals.map((l) => l.toFraction())).toEqual(['2']);
  });
});
