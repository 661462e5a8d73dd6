import { hashString } from './hash';

/**
 * A small seeded pseudo-random generator (mulberry32) with labelled forks.
 * Not for cryptography: it makes the simulated model's choices, and the
 * benchmark's workload, the same on every machine.
 */
export class Rng {
  private state: number;
  /** The seed this generator started from. */
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** Next float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max] other than 0. */
  nonZero(min: number, max: number): number {
    for (;;) {
      const value = this.int(min, max);
      if (value !== 0) return value;
    }
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Rng.pick needs a non-empty array');
    return item;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /**
   * An independent generator derived from this one's seed and a label. Forks
   * keep unrelated decisions apart: changing an error rate never changes the
   * answer's formatting, because the two draw from different forks.
   */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.seed));
  }
}
