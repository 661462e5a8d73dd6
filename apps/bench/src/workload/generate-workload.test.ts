import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generateWorkload, workloadSize } from './generate-workload';
import type { BenchRequest, LinearTruth } from './workload-request';

const workload = generateWorkload({ seed: 42 });

function count(requests: readonly BenchRequest[], family: string, kind: string): number {
  return requests.filter((r) => r.family === family && r.kind === kind).length;
}

/** Evaluates a rendered equation `left = right` at a point, as left − right (test-only, via JS arithmetic). */
function residual(equation: string, values: Record<string, number>): number {
  const js = (side: string) =>
    side
      .replace(/\^2/g, '**2')
      .replace(/(\d)\s*([a-z(])/g, '$1*$2')
      .replace(/\)\s*\(/g, ')*(')
      .replace(/\b([a-z])\b/g, (_, v: string) => `(${String(values[v])})`);
  const [left, right] = equation.split('=') as [string, string];
  return (new Function(`return (${js(left)}) - (${js(right)});`) as () => number)();
}

/** The equations of a prompt: maximal runs of numbers, one-letter unknowns, operators and brackets around an `=`. */
function equationsIn(prompt: string): string[] {
  const tokens = prompt.match(/[A-Za-z]+|\d+|\s+|[^\sA-Za-z\d]/g) ?? [];
  const runs: string[] = [];
  let run = '';
  for (const token of tokens) {
    const math = /^(?:[a-z]|\d+|[^\S\n]+|[-+*/^()=])$/.test(token);
    if (math) run += token;
    else {
      runs.push(run);
      run = '';
    }
  }
  runs.push(run);
  return runs.map((r) => r.trim()).filter((r) => r.includes('=') && /[a-z]/.test(r) && /\d/.test(r));
}

function toNumber(fraction: string): number {
  const [n, d] = fraction.split('/');
  return Number(n) / (d === undefined ? 1 : Number(d));
}

describe('generateWorkload', () => {
  it('has the paper shape: 222 requests, 10 base prompts and 3×10 variants per perturbation per task, 22 free-text', () => {
    expect(workload).toHaveLength(222);
    expect(workloadSize()).toBe(222);
    expect(count(workload, 'linear', 'base')).toBe(10);
    expect(count(workload, 'json', 'base')).toBe(10);
    for (const kind of ['constants', 'rename', 'semantic']) expect(count(workload, 'linear', kind)).toBe(30);
    for (const kind of ['schema-keys', 'source', 'semantic']) expect(count(workload, 'json', kind)).toBe(30);
    expect(count(workload, 'text', 'free-text')).toBe(8);
    expect(count(workload, 'text', 'repeat')).toBe(4);
    expect(count(workload, 'text', 'negation-trap')).toBe(6);
    expect(count(workload, 'text', 'question-trap')).toBe(4);
    expect(workload.filter((r) => r.graded)).toHaveLength(150);
  });

  it('scales with its options', () => {
    const small = generateWorkload({ seed: 7, basesPerTask: 5, k: 2, freeText: { topics: 4, repeats: 2, negations: 3, others: 2 } });
    expect(small).toHaveLength(workloadSize({ basesPerTask: 5, k: 2, freeText: { topics: 4, repeats: 2, negations: 3, others: 2 } }));
    expect(small).toHaveLength(2 * 5 * 7 + 11);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(generateWorkload({ seed: 42 })).toEqual(workload);
    const other = generateWorkload({ seed: 43 });
    expect(other.map((r) => r.prompt)).not.toEqual(workload.map((r) => r.prompt));
    expect(new Set(other.map((r) => r.id)).size).toBe(222);
  });

  it('sends each group base before its variants, and variants of a group are distinct prompts', () => {
    const seen = new Set<string>();
    for (const r of workload) {
      if (r.kind === 'base' || r.kind === 'free-text') seen.add(r.group);
      else expect(seen.has(r.group), r.id).toBe(true);
    }
    const byGroup = new Map<string, Set<string>>();
    for (const r of workload.filter((x) => x.kind !== 'repeat')) {
      const key = `${r.system ?? ''}|${r.prompt}|${JSON.stringify(r.output)}`;
      const set = byGroup.get(r.group) ?? new Set<string>();
      expect(set.has(key), r.id).toBe(false);
      set.add(key);
      byGroup.set(r.group, set);
    }
  });

  it('keeps the base wording in variants by default and rephrases on request', () => {
    const base = workload.find((r) => r.id === 'lin-0') as BenchRequest;
    const rename = workload.filter((r) => r.group === 'lin-0' && r.kind === 'rename');
    const strip = (p: string) => p.replace(/[-\d]+|\b[a-z]\b/g, '#');
    for (const r of rename) expect(strip(r.prompt)).toBe(strip(base.prompt));
    const rephrased = generateWorkload({ seed: 42, rephrase: 1 });
    const b = rephrased.find((r) => r.id === 'lin-0') as BenchRequest;
    for (const r of rephrased.filter((x) => x.group === 'lin-0' && x.kind === 'rename')) expect(strip(r.prompt)).not.toBe(strip(b.prompt));
  });

  it('computes linear ground truths that satisfy the equations as written in the prompt', () => {
    for (const seed of [42, 43, 44]) {
      for (const r of generateWorkload({ seed }).filter((x) => x.truth.kind === 'linear')) {
        const truth = r.truth as LinearTruth;
        const values = Object.fromEntries(truth.variables.map((v, i) => [v, toNumber(truth.values[i] as string)]));
        const equations = equationsIn(r.prompt);
        expect(equations.length, r.prompt).toBe(truth.variables.length);
        for (const eq of equations) expect(Math.abs(residual(eq, values)), `${r.id}: ${eq}`).toBeLessThan(1e-9);
      }
    }
  });

  it('computes the answers of the semantic changes (yes/no checks, x², roots)', () => {
    for (const r of workload.filter((x) => x.family === 'linear' && x.kind === 'semantic')) {
      const base = workload.find((x) => x.id === r.group) as BenchRequest;
      const truth = base.truth as LinearTruth;
      const solution = truth.values.map(toNumber);
      if (r.truth.kind === 'yes-no') {
        const stated = [...r.prompt.matchAll(/-?\d+(?:\/\d+)?/g)].map((m) => toNumber(m[0]));
        const claimed = truth.variables.length === 1 ? [stated[0] as number] : stated.slice(0, truth.variables.length);
        expect(claimed.every((v, i) => Math.abs(v - (solution[i] as number)) < 1e-9)).toBe(r.truth.answer);
      } else if (r.truth.kind === 'roots') {
        const eq = equationsIn(r.prompt)[0] as string;
        for (const root of r.truth.values) expect(Math.abs(residual(eq, { [r.truth.variable]: toNumber(root) }))).toBeLessThan(1e-9);
      } else if (r.truth.kind === 'number' && /solutions/.test(r.prompt)) {
        expect(r.truth.value).toBe('1');
      } else if (r.truth.kind === 'number') {
        const expected = truth.variables.length === 1 ? (solution[0] as number) ** 2 : solution.reduce((a, b) => a + b, 0);
        expect(toNumber(r.truth.value)).toBeCloseTo(expected, 9);
      }
    }
  });

  it('computes JSON ground truths that validate against their schema and come from the source text', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    for (const r of workload.filter((x) => x.truth.kind === 'json')) {
      if (r.truth.kind !== 'json') continue;
      if (r.truth.schema) expect(ajv.validate(r.truth.schema, r.truth.expected), r.id).toBe(true);
      const leaves = (o: unknown): unknown[] => (typeof o === 'object' && o !== null ? Object.values(o).flatMap(leaves) : [o]);
      for (const value of leaves(r.truth.expected)) {
        if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) expect(r.prompt, r.id).toContain(value);
        if (typeof value === 'number' && value < 1000) expect(r.prompt, r.id).toContain(String(value));
      }
      if (r.output.type === 'json') {
        for (const key of Object.keys(r.truth.expected)) expect(r.prompt, r.id).toContain(key);
      }
    }
  });

  it('rejects bad options with a typed error naming the option', () => {
    expect(() => generateWorkload({ seed: 1, basesPerTask: 0 })).toThrow(/basesPerTask/);
    expect(() => generateWorkload({ seed: 1, k: 1.5 })).toThrow(/k must be a positive integer/);
    expect(() => generateWorkload({ seed: 1, rephrase: 2 })).toThrow(/rephrase/);
  });
});
