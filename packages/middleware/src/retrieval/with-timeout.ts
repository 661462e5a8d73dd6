/** Thrown by {@link withTimeout} when the work took too long. */
export class TimeoutError extends Error {
  constructor(readonly label: string, readonly timeoutMs: number) {
    super(`${label} took longer than ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Resolves like `work`, or rejects with {@link TimeoutError} after
 * `timeoutMs` milliseconds. The timer never keeps the process alive.
 */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, label: string): Promise<T> {
  if (!Number.isFinite(timeoutMs)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(label, timeoutMs)), timeoutMs);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
