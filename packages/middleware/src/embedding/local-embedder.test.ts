import { StepCacheError } from '@stepcache/verifiers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localEmbedder } from './local-embedder';

const embedder = localEmbedder();
const similarity = (a: string, b: string): number => {
  const x = embedder.embedSync(a);
  const y = embedder.embedSync(b);
  return x.reduce((sum, value, i) => sum + value * y[i]!, 0);
};
const norm = (v: Float32Array): number => Math.hypot(...v);

/** Each problem with perturbed variants of it: other numbers, other variable names, a reworded instruction. */
const problems: { base: string; variants: string[] }[] = [
  {
    base: 'Solve 2x + 3 = 7',
    variants: ['Solve 5y + 1 = 9', 'Solve 2x + 3 = 11', 'Find x: 2x + 3 = 7', 'Determine x if 4x + 3 = 15', 'Solve 2x - 3 = 7'],
  },
  {
    base: 'Solve for x: 3(x - 2) = 12',
    variants: ['Solve for y: 5(y - 4) = 20', 'Find x: 3(x - 2) = 15', 'Compute a: 7(a - 1) = 14'],
  },
  {
    base: 'Solve 2x^2 + 3x - 5 = 0',
    variants: ['Solve 3x^2 + 2x - 1 = 0', 'Find the roots of 4t^2 + 3t - 5 = 0'],
  },
  {
    base: 'Solve the system: x + y = 3, x - y = 1',
    variants: ['Solve the system: a + b = 10, a - b = 2', 'Find the solution of the system: x + y = 7, x - y = 5'],
  },
  {
    base: 'Return a JSON object with the name and age of Alice, who is 30.',
    variants: ['Return a JSON object with the name and age of Bob, who is 41.', 'Give a JSON object with the name and age of Carol, who is 25.'],
  },
  {
    base: 'Extract the city and country from "I live in Paris, France" as JSON.',
    variants: ['Extract the city and country from "I live in Lima, Peru" as JSON.', 'Pull out the city and country from "I live in Oslo, Norway" as JSON.'],
  },
  {
    base: 'Write a haiku about the sea',
    variants: ['Write a haiku about the mountains', 'Compose a haiku about the sea'],
  },
];

describe('localEmbedder', () => {
  it('is named after its version and dimensions', () => {
    expect(embedder.id).toBe('local-hash-v2:256');
    expect(localEmbedder({ dimensions: 64 }).id).toBe('local-hash-v2:64');
  });

  it('returns unit vectors of the configured length', async () => {
    const vector = await localEmbedder({ dimensions: 64 }).embed('Solve 2x + 3 = 7');
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(64);
    expect(norm(vector as Float32Array)).toBeCloseTo(1, 5);
  });

  it('gives the same text similarity 1, and ignores case and spacing', () => {
    expect(similarity('Solve 2x + 3 = 7', 'Solve 2x + 3 = 7')).toBeCloseTo(1, 6);
    expect(similarity('Solve 2x + 3 = 7', 'SOLVE 2X+3=7')).toBeCloseTo(1, 6);
  });

  it('treats a sign flip of a constant as a variant, not a new problem', () => {
    expect(similarity('What is x in 38 = 3x + 8?', 'What is x in -14 = 3x + 8?')).toBeGreaterThan(0.9);
    expect(similarity('Solve 2x - 3 = 7', 'Solve -2x - 3 = -7')).toBeGreaterThan(0.9);
  });

  it('is deterministic across instances and calls', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const first = localEmbedder().embedSync(text);
        expect(Array.from(localEmbedder().embedSync(text))).toEqual(Array.from(first));
        expect(norm(first)).toBeCloseTo(1, 5);
      }),
    );
  });

  it('keeps its vectors stable across versions (stored vectors must keep matching)', () => {
    // If this changes, stored entries no longer match new queries: bump the id's version instead.
    const vector = localEmbedder({ dimensions: 16 }).embedSync('Solve 2x + 3 = 7 for x.');
    expect(Array.from(vector, (v) => Math.round(v * 1000) / 1000)).toMatchInlineSnapshot(`
      [
        -0.308,
        0.365,
        0.308,
        -0.154,
        0,
        -0.308,
        -0.524,
        0,
        0,
        0.308,
        -0.216,
        0.308,
        0,
        -0.216,
        0,
        0,
      ]
    `);
  });

  it('embeds empty and blank text to one fixed unit vector unlike any prompt', () => {
    const empty = embedder.embedSync('');
    expect(norm(empty)).toBeCloseTo(1, 6);
    expect(Array.from(embedder.embedSync('   \n\t'))).toEqual(Array.from(empty));
    expect(Math.abs(similarity('', 'Solve 2x + 3 = 7'))).toBeLessThan(0.3);
  });

  it('ranks every perturbed variant of a problem above every other problem', () => {
    for (const { base, variants } of problems) {
      const others = problems.filter((p) => p.base !== base).flatMap((p) => [p.base, ...p.variants]);
      const worstVariant = Math.min(...variants.map((v) => similarity(base, v)));
      const bestOther = Math.max(...others.map((o) => similarity(base, o)));
      expect(worstVariant, `${base}: a variant scored ${worstVariant}, another problem ${bestOther}`).toBeGreaterThan(bestOther);
    }
  });

  it('keeps number and variable changes close, structure changes far', () => {
    expect(similarity('Solve 2x + 3 = 7', 'Solve 5y + 1 = 9')).toBeGreaterThan(0.85);
    expect(similarity('Solve 2x + 3 = 7', 'Find 2x + 3 = 7')).toBeGreaterThan(0.9);
    expect(similarity('Solve 2x + 3 = 7', 'Solve 2x^2 + 3x - 5 = 0')).toBeLessThan(0.6);
    expect(similarity('Solve 2x + 3 = 7', 'Solve the system: x + y = 3, x - y = 1')).toBeLessThan(0.4);
  });

  it('ranks the variant sharing more constants higher', () => {
    const base = 'Solve 2x + 3 = 7';
    const sharesTwo = similarity(base, 'Solve 2x + 3 = 9');
    const sharesOne = similarity(base, 'Solve 2x + 5 = 9');
    const sharesNone = similarity(base, 'Solve 4x + 5 = 9');
    const renamed = similarity(base, 'Solve 4y + 5 = 9');
    expect(sharesTwo).toBeGreaterThan(sharesOne);
    expect(sharesOne).toBeGreaterThan(sharesNone);
    expect(sharesNone).toBeGreaterThan(renamed);
  });

  it('treats "a" as a word before a word and as a variable otherwise', () => {
    expect(similarity('Solve for a: 2a + 3 = 7', 'Solve for x: 2x + 3 = 7')).toBeGreaterThan(0.85);
    expect(similarity('Find a number n with 2n + 3 = 7', 'Find the number n with 2n + 3 = 7')).toBeGreaterThan(0.8);
  });

  it('rejects bad dimensions naming the option', () => {
    for (const dimensions of [0, 8, 1.5, 70_000]) {
      try {
        localEmbedder({ dimensions });
        expect.fail('expected an error');
      } catch (error) {
        expect(StepCacheError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'INVALID_OPTION', message: expect.stringMatching(/^localEmbedder: dimensions must be an integer from 16 to 65536, got /) });
      }
    }
  });
});
