import type { ResolvedOptions } from '../options/resolve-options';
import { withTimeout } from './with-timeout';

/**
 * Embeds a prompt as a unit-length Float32Array, or returns undefined (and
 * reports the error) when the embedder fails, times out or returns a zero
 * vector.
 */
export async function embedText(
  options: ResolvedOptions,
  text: string,
  abortSignal?: AbortSignal,
): Promise<Float32Array | undefined> {
  try {
    const raw = await withTimeout(
      options.embedder.embed(text, abortSignal === undefined ? undefined : { abortSignal }),
      options.timeoutMs,
      'embedding',
    );
    const vector = Float32Array.from(raw);
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isFinite(norm)) throw new Error(`embedder ${options.embedder.id} returned a zero or non-finite vector`);
    for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
    return vector;
  } catch (error) {
    abortSignal?.throwIfAborted();
    options.emit({ type: 'error', stage: 'embedding', error });
    return undefined;
  }
}
