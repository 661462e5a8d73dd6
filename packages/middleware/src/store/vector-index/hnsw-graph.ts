import { ScoreHeap } from './score-heap';
import { seededRandom } from './seeded-random';
import { dot, inverseNorm } from './vector-math';

/** Tuning of an {@link HnswGraph}. */
export interface HnswParams {
  /** Links per node on the upper layers (HNSW's `M`); layer 0 keeps up to `2 * m`. */
  readonly m: number;
  /** Breadth of the candidate list while inserting (HNSW's `efConstruction`). */
  readonly efConstruction: number;
  /** Seed of the level generator, so the same inserts build the same graph. */
  readonly seed: number;
}

/** A search hit: a slot of the graph and its cosine similarity to the query. */
export interface ScoredSlot {
  /** Slot of the vector, as returned by `insert`. */
  readonly slot: number;
  /** Cosine similarity to the query, in [-1, 1] up to rounding. */
  readonly similarity: number;
}

/** Highest layer a node may get; with m >= 4 the chance of reaching it is < 4^-24. */
const MAX_LEVEL = 24;
const INITIAL_CAPACITY = 16;

/**
 * A Hierarchical Navigable Small World graph (Malkov & Yashunin, 2016) over
 * cosine similarity, written for a cache whose entries are evicted all the
 * time.
 *
 * - Nodes live in numbered slots; vectors are kept by reference (not copied)
 *   with their inverse norms, so similarity is true cosine even for vectors
 *   that are not unit length.
 * - Layer-0 links sit in one flat `Int32Array` (`2m` per slot); upper-layer
 *   links (about one node in `m` has any) in small per-node arrays.
 * - Inserts follow the paper: greedy descent through the upper layers, a beam
 *   search of width `efConstruction` per layer, `m` neighbours chosen with
 *   the diversity heuristic (topped up with the nearest rejected ones),
 *   reverse links added, overfull lists pruned with the heuristic.
 * - Deletion is real, not a tombstone, so memory and search cost follow the
 *   live entries however much the cache churns. Each node's layer-0 *in*-links
 *   are tracked (`4m` per slot; a rare hub with more falls back to a scan),
 *   upper-layer in-links are found by scanning the few upper-layer nodes.
 *   Every node that linked to the removed one re-picks its links from its
 *   own and the removed node's neighbours (see `relink`), which keeps recall
 *   steady however often the cache turns over (see the churn test in
 *   `vector-index.test.ts`). The slot is then reused.
 *
 * Not safe for re-entrant use; JavaScript's single thread makes that moot.
 */
export class HnswGraph {
  private readonly m: number;
  private readonly m0: number;
  private readonly reverseCapacity: number;
  private readonly efConstruction: number;
  private readonly levelFactor: number;
  private readonly random: () => number;

  private capacity = 0;
  private vectors: (Float32Array | undefined)[] = [];
  private invNorms = new Float32Array(0);
  /** Top layer of each slot; -1 marks a free slot. */
  private levels = new Int8Array(0);
  private links0 = new Int32Array(0);
  private degree0 = new Uint8Array(0);
  /** Layer-0 in-links: who links to each slot. */
  private reverse0 = new Int32Array(0);
  private reverseDegree0 = new Uint8Array(0);
  /** 1 when a slot had more in-links than `reverseCapacity`: its list is incomplete. */
  private reverseOverflow = new Uint8Array(0);
  /** Per slot: for layers 1..level, blocks of `m + 1` ints (count, then links). */
  private upper: (Int32Array | undefined)[] = [];
  /** Slots with level >= 1. */
  private readonly upperSlots = new Set<number>();
  private visited = new Uint32Array(0);
  private visitMark = 0;

  private readonly freeSlots: number[] = [];
  private used = 0;
  private live = 0;
  private entryPoint = -1;
  private topLevel = -1;

  private readonly candidates = new ScoreHeap();
  private readonly results = new ScoreHeap();

  // Scratch "current link block", set by selectBlock() so visits allocate nothing.
  private blockArray: Int32Array = this.links0;
  private blockStart = 0;
  private blockCount = 0;

  constructor(params: HnswParams) {
    this.m = params.m;
    this.m0 = params.m * 2;
    this.reverseCapacity = Math.min(255, params.m * 4);
    this.efConstruction = params.efConstruction;
    this.levelFactor = 1 / Math.log(params.m);
    this.random = seededRandom(params.seed);
    this.grow(INITIAL_CAPACITY);
  }

  /** Number of nodes in the graph. */
  get size(): number {
    return this.live;
  }

  /** One past the highest slot ever used; live slots are below it. */
  get slotLimit(): number {
    return this.used;
  }

  /** The vector in `slot`, or undefined for a free slot. */
  vectorAt(slot: number): Float32Array | undefined {
    return this.vectors[slot];
  }

  /** 1 / |vector| of `slot` (0 for a zero vector or a free slot). */
  inverseNormAt(slot: number): number {
    return this.invNorms[slot] ?? 0;
  }

  /** Bytes of typed-array storage per slot (links, in-links, norms, levels), for size estimates. */
  get bytesPerSlot(): number {
    return this.m0 * 4 + 1 + this.reverseCapacity * 4 + 2 + 4 + 1 + 4;
  }

  /** Adds a vector (kept by reference: do not mutate it afterwards) and returns its slot. */
  insert(vector: Float32Array): number {
    const slot = this.allocate();
    const level = Math.min(MAX_LEVEL, Math.floor(-Math.log(1 - this.random()) * this.levelFactor));
    const qInv = inverseNorm(vector);
    this.vectors[slot] = vector;
    this.invNorms[slot] = qInv;
    this.degree0[slot] = 0;
    this.reverseDegree0[slot] = 0;
    this.reverseOverflow[slot] = 0;
    this.upper[slot] = level > 0 ? new Int32Array(level * (this.m + 1)) : undefined;
    this.live++;

    if (this.entryPoint >= 0) {
      let entry = this.entryPoint;
      let entrySim = this.similarity(vector, qInv, entry);
      for (let layer = this.topLevel; layer > level; layer--) {
        [entry, entrySim] = this.greedy(vector, qInv, entry, entrySim, layer);
      }
      for (let layer = Math.min(level, this.topLevel); layer >= 0; layer--) {
        const found = this.searchLayer(vector, qInv, entry, entrySim, this.efConstruction, layer);
        const chosen = this.selectDiverse(found, this.m, true);
        this.replaceLinks(slot, layer, chosen);
        for (const neighbour of chosen) this.addLink(neighbour.slot, slot, neighbour.similarity, layer);
        const best = found[0]!;
        entry = best.slot;
        entrySim = best.similarity;
      }
    }
    // Published last, so the searches above never meet the new node itself.
    this.levels[slot] = level;
    if (level > 0) this.upperSlots.add(slot);
    if (level > this.topLevel) {
      this.entryPoint = slot;
      this.topLevel = level;
    }
    return slot;
  }

  /** Removes the node in `slot`, re-links the nodes that linked to it and frees the slot. */
  remove(slot: number): void {
    const level = this.levels[slot] ?? -1;
    if (level < 0) return;
    for (let layer = 0; layer <= level; layer++) {
      this.selectBlock(slot, layer);
      const outLinks = this.blockArray.slice(this.blockStart, this.blockStart + this.blockCount);
      for (const from of this.inLinks(slot, layer)) this.relink(from, slot, outLinks, layer);
      this.replaceLinks(slot, layer, []);
    }
    this.vectors[slot] = undefined;
    this.invNorms[slot] = 0;
    this.levels[slot] = -1;
    this.reverseDegree0[slot] = 0;
    this.reverseOverflow[slot] = 0;
    this.upper[slot] = undefined;
    this.upperSlots.delete(slot);
    this.freeSlots.push(slot);
    this.live--;
    if (slot === this.entryPoint) this.electEntryPoint();
  }

  /**
   * The `k` nodes most similar to `query` found by a beam search of width
   * `max(ef, k)`, best first. Approximate: larger `ef` trades time for recall.
   */
  search(query: Float32Array, k: number, ef: number): ScoredSlot[] {
    if (this.live === 0 || k <= 0) return [];
    const qInv = inverseNorm(query);
    let entry = this.entryPoint;
    let entrySim = this.similarity(query, qInv, entry);
    for (let layer = this.topLevel; layer > 0; layer--) {
      [entry, entrySim] = this.greedy(query, qInv, entry, entrySim, layer);
    }
    const found = this.searchLayer(query, qInv, entry, entrySim, Math.max(ef, k), 0);
    return found.length > k ? found.slice(0, k) : found;
  }

  private similarity(query: Float32Array, qInv: number, slot: number): number {
    return dot(query, this.vectors[slot]!) * qInv * this.invNorms[slot]!;
  }

  private selectBlock(slot: number, layer: number): void {
    if (layer === 0) {
      this.blockArray = this.links0;
      this.blockStart = slot * this.m0;
      this.blockCount = this.degree0[slot]!;
    } else {
      const block = this.upper[slot]!;
      const start = (layer - 1) * (this.m + 1);
      this.blockArray = block;
      this.blockStart = start + 1;
      this.blockCount = block[start]!;
    }
  }

  /** Hill-climbs on one upper layer; returns the local best and its similarity. */
  private greedy(query: Float32Array, qInv: number, start: number, startSim: number, layer: number): [number, number] {
    let current = start;
    let currentSim = startSim;
    for (let improved = true; improved; ) {
      improved = false;
      this.selectBlock(current, layer);
      const links = this.blockArray;
      const end = this.blockStart + this.blockCount;
      for (let i = this.blockStart; i < end; i++) {
        const neighbour = links[i]!;
        if (this.levels[neighbour]! < layer) continue;
        const sim = this.similarity(query, qInv, neighbour);
        if (sim > currentSim) {
          current = neighbour;
          currentSim = sim;
          improved = true;
        }
      }
    }
    return [current, currentSim];
  }

  /** Beam search on one layer; returns up to `ef` nodes, best first. */
  private searchLayer(
    query: Float32Array,
    qInv: number,
    entry: number,
    entrySim: number,
    ef: number,
    layer: number,
  ): ScoredSlot[] {
    const mark = this.nextVisitMark();
    const visited = this.visited;
    const levels = this.levels;
    const candidates = this.candidates;
    const results = this.results;
    candidates.clear();
    results.clear();
    visited[entry] = mark;
    candidates.push(entry, -entrySim);
    results.push(entry, entrySim);

    while (candidates.size > 0) {
      const currentSim = -candidates.topScore;
      if (results.size >= ef && currentSim < results.topScore) break;
      const current = candidates.topId;
      candidates.pop();
      this.selectBlock(current, layer);
      const links = this.blockArray;
      const end = this.blockStart + this.blockCount;
      for (let i = this.blockStart; i < end; i++) {
        const neighbour = links[i]!;
        if (visited[neighbour] === mark) continue;
        visited[neighbour] = mark;
        if (levels[neighbour]! < layer) continue;
        const sim = this.similarity(query, qInv, neighbour);
        if (results.size < ef || sim > results.topScore) {
          candidates.push(neighbour, -sim);
          results.push(neighbour, sim);
          if (results.size > ef) results.pop();
        }
      }
    }

    const found: ScoredSlot[] = new Array<ScoredSlot>(results.size);
    for (let i = results.size - 1; i >= 0; i--) {
      found[i] = { slot: results.topId, similarity: results.topScore };
      results.pop();
    }
    return found;
  }

  /**
   * HNSW's neighbour-selection heuristic: walk candidates best first and keep
   * one only if it is closer to the base than to every neighbour already
   * kept. This keeps links pointing in different directions, which is what
   * lets the search cross between clusters. With `fill`, free places left
   * are then filled with the best rejected candidates (the paper's
   * "keepPrunedConnections"); used for a new node's own links, it lifts
   * recall@1 on near-duplicate-heavy data (templated prompts) from ~0.94 to
   * ~0.99 for ~50 % more insert time.
   */
  private selectDiverse(candidates: readonly ScoredSlot[], max: number, fill = false): ScoredSlot[] {
    if (candidates.length <= max) return candidates.slice();
    const chosen: ScoredSlot[] = [];
    for (const candidate of candidates) {
      if (chosen.length >= max) break;
      const vector = this.vectors[candidate.slot]!;
      const inv = this.invNorms[candidate.slot]!;
      let diverse = true;
      for (const kept of chosen) {
        if (this.similarity(vector, inv, kept.slot) > candidate.similarity) {
          diverse = false;
          break;
        }
      }
      if (diverse) chosen.push(candidate);
    }
    if (fill && chosen.length < max) {
      const taken = new Set(chosen.map((kept) => kept.slot));
      for (const candidate of candidates) {
        if (chosen.length >= max) break;
        if (!taken.has(candidate.slot)) chosen.push(candidate);
      }
    }
    return chosen;
  }

  /** Overwrites `slot`'s links on `layer`, keeping the in-link lists in step. */
  private replaceLinks(slot: number, layer: number, chosen: readonly ScoredSlot[]): void {
    this.selectBlock(slot, layer);
    const { blockArray: links, blockStart: start, blockCount: count } = this;
    if (layer === 0) for (let i = start; i < start + count; i++) this.dropInLink(links[i]!, slot);
    for (let i = 0; i < chosen.length; i++) {
      const to = chosen[i]!.slot;
      links[start + i] = to;
      if (layer === 0) this.recordInLink(to, slot);
    }
    this.setDegree(slot, layer, chosen.length);
  }

  private appendLink(from: number, to: number, layer: number): void {
    this.selectBlock(from, layer);
    this.blockArray[this.blockStart + this.blockCount] = to;
    this.setDegree(from, layer, this.blockCount + 1);
    if (layer === 0) this.recordInLink(to, from);
  }

  private setDegree(slot: number, layer: number, degree: number): void {
    if (layer === 0) this.degree0[slot] = degree;
    else this.upper[slot]![(layer - 1) * (this.m + 1)] = degree;
  }

  private recordInLink(to: number, from: number): void {
    const count = this.reverseDegree0[to]!;
    if (count < this.reverseCapacity) {
      this.reverse0[to * this.reverseCapacity + count] = from;
      this.reverseDegree0[to] = count + 1;
    } else {
      this.reverseOverflow[to] = 1;
    }
  }

  private dropInLink(to: number, from: number): void {
    const start = to * this.reverseCapacity;
    const last = start + this.reverseDegree0[to]! - 1;
    for (let i = start; i <= last; i++) {
      if (this.reverse0[i] === from) {
        this.reverse0[i] = this.reverse0[last]!;
        this.reverseDegree0[to] = last - start;
        return;
      }
    }
  }

  /** Slots that link to `slot` on `layer`. */
  private inLinks(slot: number, layer: number): number[] {
    if (layer === 0 && this.reverseOverflow[slot] === 0) {
      const start = slot * this.reverseCapacity;
      return Array.from(this.reverse0.subarray(start, start + this.reverseDegree0[slot]!));
    }
    const found: number[] = [];
    const scan = layer === 0 ? this.allSlots() : this.upperSlots;
    for (const from of scan) {
      if (this.levels[from]! < layer || from === slot) continue;
      this.selectBlock(from, layer);
      for (let i = this.blockStart; i < this.blockStart + this.blockCount; i++) {
        if (this.blockArray[i] === slot) {
          found.push(from);
          break;
        }
      }
    }
    return found;
  }

  private *allSlots(): Generator<number> {
    for (let slot = 0; slot < this.used; slot++) yield slot;
  }

  /** Adds the link `from → to`, pruning `from`'s list with the heuristic when full. */
  private addLink(from: number, to: number, similarity: number, layer: number): void {
    const max = layer === 0 ? this.m0 : this.m;
    this.selectBlock(from, layer);
    const { blockArray: links, blockStart: start, blockCount: count } = this;
    for (let i = start; i < start + count; i++) if (links[i] === to) return;
    if (count < max) {
      this.appendLink(from, to, layer);
      return;
    }
    const base = this.vectors[from]!;
    const baseInv = this.invNorms[from]!;
    const pool: ScoredSlot[] = [{ slot: to, similarity }];
    for (let i = start; i < start + count; i++) {
      const slot = links[i]!;
      pool.push({ slot, similarity: this.similarity(base, baseInv, slot) });
    }
    pool.sort((a, b) => b.similarity - a.similarity);
    this.replaceLinks(from, layer, this.selectDiverse(pool, max));
  }

  /**
   * Re-links `from` after `removed` leaves: its remaining links plus those of
   * `removed` form the candidate pool, pruned back to size with the diversity
   * heuristic (FreshDiskANN's delete consolidation, done eagerly). Cheaper
   * repairs (just adding the removed node's nearest neighbour) let recall
   * fall to ~0.8 after one full turnover of the cache; this one holds it.
   */
  private relink(from: number, removed: number, removedLinks: Int32Array, layer: number): void {
    const mark = this.nextVisitMark();
    const visited = this.visited;
    visited[removed] = mark;
    visited[from] = mark;
    const base = this.vectors[from]!;
    const baseInv = this.invNorms[from]!;
    const pool: ScoredSlot[] = [];
    const consider = (slot: number): void => {
      if (visited[slot] === mark || this.levels[slot]! < layer) return;
      visited[slot] = mark;
      pool.push({ slot, similarity: this.similarity(base, baseInv, slot) });
    };
    this.selectBlock(from, layer);
    for (const slot of this.blockArray.slice(this.blockStart, this.blockStart + this.blockCount)) consider(slot);
    for (const slot of removedLinks) consider(slot);
    pool.sort((a, b) => b.similarity - a.similarity);
    this.replaceLinks(from, layer, this.selectDiverse(pool, layer === 0 ? this.m0 : this.m));
  }

  private electEntryPoint(): void {
    this.entryPoint = -1;
    this.topLevel = -1;
    const scan = this.upperSlots.size > 0 ? this.upperSlots : this.allSlots();
    for (const slot of scan) {
      const level = this.levels[slot]!;
      if (level > this.topLevel) {
        this.topLevel = level;
        this.entryPoint = slot;
      }
    }
  }

  private allocate(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.used === this.capacity) this.grow(this.capacity * 2);
    return this.used++;
  }

  private nextVisitMark(): number {
    if (this.visitMark === 0xffffffff) {
      this.visited.fill(0);
      this.visitMark = 0;
    }
    return ++this.visitMark;
  }

  private grow(capacity: number): void {
    this.invNorms = resized(this.invNorms, new Float32Array(capacity));
    this.levels = resized(this.levels, new Int8Array(capacity).fill(-1));
    this.links0 = resized(this.links0, new Int32Array(capacity * this.m0));
    this.degree0 = resized(this.degree0, new Uint8Array(capacity));
    this.reverse0 = resized(this.reverse0, new Int32Array(capacity * this.reverseCapacity));
    this.reverseDegree0 = resized(this.reverseDegree0, new Uint8Array(capacity));
    this.reverseOverflow = resized(this.reverseOverflow, new Uint8Array(capacity));
    this.visited = resized(this.visited, new Uint32Array(capacity));
    this.capacity = capacity;
  }
}

function resized<T extends Int8Array | Uint8Array | Int32Array | Uint32Array | Float32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
