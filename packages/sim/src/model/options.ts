import type { SimErrorRates } from '../engine/error-rates';
import { DEFAULT_ERROR_RATES, NO_ERRORS } from '../engine/error-rates';
import type { SimConfig } from '../engine/simulate';
import { invalidOption } from '../errors/sim-error';
import type { SimLatencyOptions } from '../latency/latency-model';
import { DEFAULT_LATENCY } from '../latency/latency-model';

/** Options of {@link simulatedModel} (and of the HTTP server, which runs the same engine). */
export interface SimulatedModelOptions {
  /** Model id reported to the AI SDK and over HTTP. Default `'sim-instruct'`. */
  modelId?: string;
  /**
   * Model seed (integer). Same seed + same call content → same output; the
   * call's own `seed` is mixed in when given. Default 42.
   */
  seed?: number;
  /**
   * Real milliseconds waited per simulated millisecond. 1 (default) waits
   * the full simulated latency; 0 never waits (tests, fast benchmarks; the
   * simulated latency is still reported in `providerMetadata.sim`).
   */
  timeScale?: number;
  /** Latency model overrides (simulated ms); see {@link SimLatencyOptions}. Defaults: {@link DEFAULT_LATENCY}. */
  latency?: Partial<SimLatencyOptions>;
  /**
   * Error-rate overrides (probabilities per response), or `'none'` for a
   * model that never errs on purpose. Defaults: {@link DEFAULT_ERROR_RATES}.
   */
  errors?: Partial<SimErrorRates> | 'none';
  /** Cut answers at `maxOutputTokens` and report finish reason `length` (as real models do). Default true. */
  truncateAtMaxOutputTokens?: boolean;
}

/** Options after defaults and validation. */
export interface ResolvedSimOptions extends SimConfig {
  modelId: string;
  timeScale: number;
}

function finiteNonNegative(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidOption(field, 'expected a finite number >= 0', value);
  }
  return value;
}

/** Applies defaults and validates; throws `SimError` (`INVALID_OPTION`) naming the bad field. */
export function resolveOptions(options: SimulatedModelOptions = {}): ResolvedSimOptions {
  const modelId = options.modelId ?? 'sim-instruct';
  if (typeof modelId !== 'string' || modelId.trim() === '') throw invalidOption('modelId', 'expected a non-empty string', modelId);
  const seed = options.seed ?? 42;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw invalidOption('seed', 'expected a safe integer', seed);
  const timeScale = finiteNonNegative('timeScale', options.timeScale ?? 1);

  const latency: SimLatencyOptions = { ...DEFAULT_LATENCY };
  for (const [key, value] of Object.entries(options.latency ?? {})) {
    if (!(key in DEFAULT_LATENCY)) throw invalidOption(`latency.${key}`, `unknown latency option (known: ${Object.keys(DEFAULT_LATENCY).join(', ')})`);
    if (value === undefined) continue;
    latency[key as keyof SimLatencyOptions] = finiteNonNegative(`latency.${key}`, value);
  }
  if (latency.jitter >= 1) throw invalidOption('latency.jitter', 'expected a number in [0, 1)', latency.jitter);

  let errors: SimErrorRates;
  if (options.errors === 'none') errors = { ...NO_ERRORS };
  else {
    errors = { ...DEFAULT_ERROR_RATES };
    if (options.errors !== undefined && (typeof options.errors !== 'object' || options.errors === null)) {
      throw invalidOption('errors', "expected an object of rates or 'none'", options.errors);
    }
    for (const [key, value] of Object.entries(options.errors ?? {})) {
      if (!(key in DEFAULT_ERROR_RATES)) throw invalidOption(`errors.${key}`, `unknown error rate (known: ${Object.keys(DEFAULT_ERROR_RATES).join(', ')})`);
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw invalidOption(`errors.${key}`, 'expected a probability in [0, 1]', value);
      errors[key as keyof SimErrorRates] = value;
    }
  }
  const truncate = options.truncateAtMaxOutputTokens ?? true;
  if (typeof truncate !== 'boolean') throw invalidOption('truncateAtMaxOutputTokens', 'expected a boolean', truncate);
  return { modelId, seed, timeScale, latency, errors, truncateAtMaxOutputTokens: truncate };
}
