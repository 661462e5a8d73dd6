import { describe, expect, it } from 'vitest';
import { linearEquationVerifier } from './linear-equation-verifier';

const verifier = linearEquationVerifier();
const detect = (prompt: string) => verifier.detect({ prompt, responseFormat: { type: 'text' } });

describe('instruction words of a solve request', () => {
  it('are empty for plain solve phrasings, whatever their filler', () => {
    for (const prompt of [
      'Solve for x: 2x + 3 = 7',
      'Find the value of x in the equation 2x + 3 = 7.',
      'Please solve 2x + 3 = 7 step by step and show all your work.',
      'Can you help me solve this equation for x? 2x + 3 = 7',
      'Explain each step: solve 2x + 3 = 7',
    ]) {
      expect(detect(prompt)?.instruction, prompt).toEqual([]);
    }
  });

  it('keep what changes the expected answer: language, format, style', () => {
    expect(detect('Solve 2x + 3 = 7 in French.')?.instruction).toEqual(['french']);
    expect(detect('Solve 2x + 3 = 7 and write the answer as a fraction.')?.instruction).toEqual(['fraction', 'write']);
    expect(detect('Solve 2x + 3 = 7 without showing steps.')?.instruction).toEqual(['without']);
  });

  it('make reuse skip when they differ in either direction, but not across plain phrasings or renamings', () => {
    const plain = detect('Solve for x: 2x + 3 = 7')!;
    expect(verifier.skipReason(plain, detect('Solve 2x + 3 = 7 in French.')!)).toMatch(/"french"/);
    expect(verifier.skipReason(detect('Solve 2x + 3 = 7. Answer in one word.')!, plain)).toMatch(/"word"/);
    expect(verifier.skipReason(plain, detect('Find a if 2a + 3 = 7.')!)).toBeUndefined();
    expect(verifier.skipReason(detect('Solve 2x + 3 = 7 in French.')!, detect('Solve 5y - 1 = 9 in French.')!)).toBeUndefined();
  });
});
