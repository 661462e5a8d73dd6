import type { ScoredSlot } from './hnsw-graph';
import { HnswGraph } from './hnsw-graph';
import { ScoreHeap } from './score-heap';
import { dot, inverseNorm } from './vector-math';

/** Tuning of a {@link VectorIndex}. Every field has a default that meets the store's latency and recall targets. */
export interface VectorIndexOptions {
  /**
   * HNSW links per node on the upper layers (`M`); layer 0 keeps `2 * m`.
   * More links: better recall, more memory (8 bytes per unit per entry) and
   * slower inserts. Default 16.
   */
  readonly m?: number;
  /** Beam width while inserting (`efConstruction`). Larger: better graph, slower inserts. Default 64. */
  readonly efConstruction?: number;
  /** Beam width while searching (`ef`); raised to the query's `limit` when smaller. Default 64. */
  readonly efSearch?: number;
  /**
   * Up to this many vectors the index answers by exact scan (at 256
   * dimensions about 0.5 ms for 2k vectors), above it by HNSW search. The
   * graph is maintained either way, so crossing the threshold costs nothing.
   * Default 2048.
   */
  readonly exactThreshold?: number;
  /** Seed of the HNSW level generator, for reproducible layouts. Default 0x5eed. */
  readonly seed?: number;
}

/** {@link VectorIndexOptions} with defaults filled in. */
export type ResolvedVectorIndexOptions = Required<VectorIndexOptions>;

/** Defaults of {@link VectorIndexOptions}. */
export const DEFAULT_VECTOR_INDEX_OPTIONS: ResolvedVectorIndexOptions = Object.freeze({
  m: 16,
  efConstruction: 64,
  efSearch: 64,
  exactThreshold: 2048,
  seed: 0x5eed,
});

/**
 * Nearest-neighbour index over the vectors of one partition, by cosine
 * similarity: exact scan while small, HNSW ({@link HnswGraph}) beyond
 * `exactThreshold`. Vectors are addressed by the slot `add` returns.
 */
export class VectorIndex {
  /** Length every vector in this index must have. */
  readonly dimensions: number;
  private readonly graph: HnswGraph;
  private readonly efSearch: number;
  private readonly exactThreshold: number;
  private readonly top = new ScoreHeap();

  constructor(dimensions: number, options: ResolvedVectorIndexOptions = DEFAULT_VECTOR_INDEX_OPTIONS) {
    this.dimensions = dimensions;
    this.graph = new HnswGraph({ m: options.m, efConstruction: options.efConstruction, seed: options.seed });
    this.efSearch = options.efSearch;
    this.exactThreshold = options.exactThreshold;
  }

  /** Number of vectors in the index. */
  get size(): number {
    return this.graph.size;
  }

  /** Adds a vector (kept by reference: do not mutate it afterwards); returns its slot. */
  add(vector: Float32Array): number {
    return this.graph.insert(vector);
  }

  /** Removes the vector in `slot`; the slot may be handed out again by `add`. */
  remove(slot: number): void {
    this.graph.remove(slot);
  }

  /**
   * Up to `limit` slots most similar to `query`, best first, leaving out
   * those below `minSimilarity`. Exact below the threshold, approximate above.
   */
  search(query: Float32Array, limit: number, minSimilarity = -Infinity): ScoredSlot[] {
    const hits =
      this.graph.size <= this.exactThreshold
        ? this.scan(query, limit)
        : this.graph.search(query, limit, Math.max(this.efSearch, limit));
    let keep = hits.length;
    while (keep > 0 && hits[keep - 1]!.similarity < minSimilarity) keep--;
    return keep === hits.length ? hits : hits.slice(0, keep);
  }

  /** Exact top-`limit` by scanning every live slot. */
  private scan(query: Float32Array, limit: number): ScoredSlot[] {
    const qInv = inverseNorm(query);
    const top = this.top;
    top.clear();
    const end = this.graph.slotLimit;
    for (let slot = 0; slot < end; slot++) {
      const vector = this.graph.vectorAt(slot);
      if (vector === undefined) continue;
      const sim = dot(query, vector) * qInv * this.graph.inverseNormAt(slot);
      if (top.size < limit) top.push(slot, sim);
      else if (sim > top.topScore) {
        top.pop();
        top.push(slot, sim);
      }
    }
    const hits = new Array<ScoredSlot>(top.size);
    for (let i = top.size - 1; i >= 0; i--) {
      hits[i] = { slot: top.topId, similarity: top.topScore };
      top.pop();
    }
    return hits;
  }
}
