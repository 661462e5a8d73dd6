import type Fraction from 'fraction.js';
import type { Rng } from '../random/rng';
import { isZero } from './linear-equation';

/**
 * The arithmetic of one simulated solution. Every computing step passes its
 * result through {@link Arithmetic.result}; the step numbered `slipAt` gets a
 * wrong value instead, and because later steps compute from what the earlier
 * ones wrote, the slip carries through to the final answer.
 */
export class Arithmetic {
  private index = 0;

  constructor(
    private readonly slipAt: number | null,
    private readonly rng: Rng,
  ) {}

  /** Number of computing steps so far. */
  get count(): number {
    return this.index;
  }

  /** `value`, or a plausible wrong value when this is the slipping step. `nonZero` keeps a divisor usable. */
  result(value: Fraction, nonZero = false): Fraction {
    const i = this.index++;
    if (i !== this.slipAt) return value;
    return slip(value, this.rng, nonZero);
  }
}

/** A plausible arithmetic slip of `value`: off by one or two, a sign error, or a doubling. */
export function slip(value: Fraction, rng: Rng, nonZero = false): Fraction {
  const candidates = [value.add(1), value.sub(1), value.add(2), value.sub(2), value.neg(), value.mul(2)];
  const start = rng.int(0, candidates.length - 1);
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[(start + k) % candidates.length] as Fraction;
    if (!candidate.equals(value) && !(nonZero && isZero(candidate))) return candidate;
  }
  return value.add(3);
}
