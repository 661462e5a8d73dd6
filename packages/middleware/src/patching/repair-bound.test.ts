import { builtinVerifiers, jsonVerifier } from '@stepcache/verifiers';
import { describe, expect, it } from 'vitest';
import { repairBound } from './repair-bound';

describe('repairBound', () => {
  it('takes the smaller of the option and the verifier’s own bound', () => {
    expect(repairBound(2, jsonVerifier())).toBe(1);
    expect(repairBound(0, jsonVerifier())).toBe(0);
    expect(repairBound(3, jsonVerifier({ maxRepairs: 3 }))).toBe(3);
  });

  it('keeps the option for verifiers without a bound', () => {
    const linear = builtinVerifiers().find((v) => v.task === 'linear-equation')!;
    expect(repairBound(5, linear)).toBe(5);
  });
});
