import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreHeap } from './score-heap';

describe('ScoreHeap', () => {
  it('pops items in ascending score order, growing past its initial capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((v) => (Object.is(v, -0) ? 0 : v)), { maxLength: 300 }), (scores) => {
        // -0 and 0 tie, and Object.is tells them apart: only one of them is generated.
        const heap = new ScoreHeap(2);
        scores.forEach((score, id) => heap.push(id, score));
        const popped: number[] = [];
        while (heap.size > 0) {
          expect(scores[heap.topId]).toBe(heap.topScore);
          popped.push(heap.topScore);
          heap.pop();
        }
        expect(popped).toEqual([...scores].sort((a, b) => a - b));
      }),
    );
  });
});
