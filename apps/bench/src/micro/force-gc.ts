import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A function that runs a full garbage collection: `globalThis.gc` when node
 * runs with `--expose-gc` (the CLI's `bench` script does), else the same
 * function obtained by turning the flag on at run time (works in Node ≥ 22,
 * also under Vitest). Undefined only if neither works; heap figures are then
 * reported as unavailable.
 */
export function forceGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Memory in use after a full collection, in bytes: the V8 heap plus
 * ArrayBuffer memory (where embeddings and vector indexes live, outside the
 * heap). Undefined without gc.
 */
export function settledHeap(gc: (() => void) | undefined): number | undefined {
  if (!gc) return undefined;
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
