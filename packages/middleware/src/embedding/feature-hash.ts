/** Where a hashed feature lands in the vector, and with which sign. */
export interface HashedFeature {
  /** Component index in `[0, dimensions)`. */
  readonly index: number;
  /** +1 or -1, so that colliding features cancel out on average instead of piling up. */
  readonly sign: 1 | -1;
}

/**
 * Signed feature hashing (Weinberger et al., 2009): FNV-1a over the UTF-16
 * code units of `feature`, finished with MurmurHash3's avalanche step, gives
 * the index; a second avalanche of the same hash gives the sign. Stable
 * across runs, platforms and versions, which the cache needs: stored
 * vectors must keep matching new ones.
 */
export function hashFeature(feature: string, dimensions: number): HashedFeature {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  const mixed = avalanche(hash);
  return {
    index: (mixed >>> 0) % dimensions,
    sign: (avalanche(mixed ^ 0x9e3779b9) & 1) === 0 ? 1 : -1,
  };
}

function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
