import { hashString } from './hash';

/**
 * A small seeded pseudo-random generator (mulberry32). Not for cryptography:
 * it only makes the simulated model's choices repeatable.
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

  /**
   * An independent generator derived from this one's seed and a label. Forks
   * keep unrelated decisions apart: changing an error rate never changes the
   * answer's formatting, because the two draw from different forks.
   */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.seed));
  }
}
