import { seededRandom } from './seeded-random';

/** Shape of a synthetic clustered data set; see {@link clusteredVectors}. */
export interface ClusteredVectorsOptions {
  /** Length of each vector. */
  readonly dimensions: number;
  /** Number of cluster centres (random unit vectors). */
  readonly clusters: number;
  /**
   * Norm of the Gaussian noise added to a centre, relative to the centre's
   * unit norm. 0.5 gives points at cosine ≈ 0.89 from their centre and ≈ 0.8
   * from each other. Default 0.5.
   */
  readonly spread?: number;
  /** PRNG seed; the same seed gives the same centres and points. Default 1. */
  readonly seed?: number;
}

/**
 * Synthetic clustered unit vectors for recall tests and benchmarks: prompts
 * of one template embed close together, so real cache traffic is clustered,
 * which is harder for ANN indexes than uniform noise. Returns a sampler; each
 * call draws `count` more points from the same clusters (data, then queries).
 */
export function clusteredVectors(options: ClusteredVectorsOptions): (count: number) => Float32Array[] {
  const { dimensions, clusters, spread = 0.5, seed = 1 } = options;
  const random = seededRandom(seed);
  const gaussian = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const centres = Array.from({ length: clusters }, () => unit(Float32Array.from({ length: dimensions }, gaussian)));
  const noise = spread / Math.sqrt(dimensions);
  return (count) =>
    Array.from({ length: count }, () => {
      const centre = centres[Math.floor(random() * clusters)]!;
      return unit(centre.map((value) => value + noise * gaussian()));
    });
}

function unit(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! * scale;
  return vector;
}
