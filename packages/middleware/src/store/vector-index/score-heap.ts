/**
 * A binary min-heap of (id, score) pairs on typed arrays: the smallest score
 * is on top. For a max-heap, push negated scores. Reused across searches, so
 * a query allocates nothing.
 */
export class ScoreHeap {
  private ids: Int32Array;
  private scores: Float64Array;
  private length = 0;

  constructor(capacity = 64) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Number of items in the heap. */
  get size(): number {
    return this.length;
  }

  /** Id of the top (lowest-score) item; only valid when `size > 0`. */
  get topId(): number {
    return this.ids[0]!;
  }

  /** Score of the top (lowest-score) item; only valid when `size > 0`. */
  get topScore(): number {
    return this.scores[0]!;
  }

  /** Empties the heap, keeping its storage. */
  clear(): void {
    this.length = 0;
  }

  /** Adds an item. */
  push(id: number, score: number): void {
    if (this.length === this.ids.length) this.grow();
    const ids = this.ids;
    const scores = this.scores;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentScore = scores[parent]!;
      if (parentScore <= score) break;
      ids[i] = ids[parent]!;
      scores[i] = parentScore;
      i = parent;
    }
    ids[i] = id;
    scores[i] = score;
  }

  /** Removes the top item; only valid when `size > 0`. */
  pop(): void {
    const last = --this.length;
    if (last === 0) return;
    const ids = this.ids;
    const scores = this.scores;
    const id = ids[last]!;
    const score = scores[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && scores[child + 1]! < scores[child]!) child++;
      if (scores[child]! >= score) break;
      ids[i] = ids[child]!;
      scores[i] = scores[child]!;
      i = child;
    }
    ids[i] = id;
    scores[i] = score;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    const scores = new Float64Array(this.scores.length * 2);
    scores.set(this.scores);
    this.ids = ids;
    this.scores = scores;
  }
}
