import { invalidValue } from '../options/invalid-value';
import type { Embedder } from './embedder';
import { hashFeature } from './feature-hash';
import { promptFeatures } from './prompt-features';

/** Options of {@link localEmbedder}. */
export interface LocalEmbedderOptions {
  /**
   * Length of the vectors. More dimensions mean fewer hash collisions
   * between features and more memory per cached entry (4 bytes each).
   * Integer from 16 to 65 536. Default 256.
   */
  readonly dimensions?: number;
}

/** The embedder returned by {@link localEmbedder}. */
export interface LocalEmbedder extends Embedder {
  /** `local-hash-v2:<dimensions>`. */
  readonly id: string;
  /** Length of the vectors it returns. */
  readonly dimensions: number;
  /** Embeds a text: same result as `embed`, without the promise. */
  embedSync(text: string): Float32Array;
}

/** Default of {@link LocalEmbedderOptions.dimensions}. */
export const DEFAULT_LOCAL_EMBEDDER_DIMENSIONS = 256;

/**
 * The default embedder: runs in-process with no network and no model
 * weights, deterministic, about 10–30 µs per prompt. It hashes weighted
 * features of the prompt into a signed vector and normalises it to unit
 * length:
 *
 * - words and word bigrams (lower-cased; instruction verbs also as `<ask>`),
 * - a *shape* channel: each run of math tokens with numbers as `<num>` and
 *   one-letter identifiers as `<var>`, and its trigrams, so
 *   "Solve 2x + 3 = 7" and "Solve 5y + 1 = 9" are near-identical,
 * - the raw numbers and identifier names at a lower weight, so among variants
 *   of one problem those sharing more constants rank higher,
 * - operators and the number of equations.
 *
 * The weights are in {@link LOCAL_EMBEDDER_WEIGHTS}. It knows nothing of
 * synonyms beyond instruction verbs: it is tuned for the templated,
 * perturbation-heavy traffic StepCache targets, not for general semantic
 * search; use an AI SDK embedding model via `embeddingModelEmbedder` for
 * that. Empty text embeds to a fixed unit vector of its own.
 *
 * Throws `StepCacheError` (`INVALID_OPTION`) for bad options.
 */
export function localEmbedder(options: LocalEmbedderOptions = {}): LocalEmbedder {
  if (typeof options !== 'object' || options === null) {
    throw invalidValue('INVALID_OPTION', 'localEmbedder: options', 'must be an object', options);
  }
  const { dimensions = DEFAULT_LOCAL_EMBEDDER_DIMENSIONS } = options;
  if (!Number.isInteger(dimensions) || dimensions < 16 || dimensions > 65_536) {
    throw invalidValue('INVALID_OPTION', 'localEmbedder: dimensions', 'must be an integer from 16 to 65536', dimensions);
  }
  const embedSync = (text: string): Float32Array => embedLocally(text, dimensions);
  return {
    id: `local-hash-v2:${dimensions}`,
    dimensions,
    embedSync,
    embed: async (text) => embedSync(text),
  };
}

function embedLocally(text: string, dimensions: number): Float32Array {
  if (typeof text !== 'string') {
    throw invalidValue('INVALID_ARGUMENT', 'localEmbedder.embed: text', 'must be a string', text);
  }
  const vector = new Float64Array(dimensions);
  const features = promptFeatures(text);
  if (features.size === 0) features.set('∅|empty', [1, 1]);
  for (const [feature, [weight, count]] of features) {
    const { index, sign } = hashFeature(feature, dimensions);
    vector[index]! += sign * weight * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  // Features can cancel out exactly only in contrived cases; fall back to the empty-text vector then.
  if (norm === 0) return embedLocally('', dimensions);
  return Float32Array.from(vector, (value) => value / norm);
}
