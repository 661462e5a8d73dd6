/**
 * Turns simulated milliseconds into real waiting: a call's simulated clock
 * starts when the pacer is created, and `waitUntil(t)` sleeps until
 * `t × timeScale` real ms have passed since then. Waiting against the start
 * (not per step) keeps long streams on time even though timers are coarse.
 */
export interface Pacer {
  /** Resolves once simulated time `simulatedMs` is reached; rejects with the abort reason if aborted. */
  waitUntil(simulatedMs: number): Promise<void>;
}

/** Creates a pacer. `timeScale` 0 never waits (but still honours an abort). */
export function createPacer(timeScale: number, signal?: AbortSignal): Pacer {
  const start = performance.now();
  return {
    async waitUntil(simulatedMs: number) {
      throwIfAborted(signal);
      if (timeScale <= 0) return;
      const delay = start + simulatedMs * timeScale - performance.now();
      if (delay < 1) return;
      await sleep(delay, signal);
    },
  };
}

/** Rejects with the signal's reason (an `AbortError` DOMException unless the caller gave another). */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** The error to reject with when `signal` aborts. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
