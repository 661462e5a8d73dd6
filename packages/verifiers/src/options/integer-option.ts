import { StepCacheError } from '../errors/stepcache-error';

/**
 * Reads integer option `name` of a verifier factory's options: `fallback`
 * when it is not set, otherwise an integer in [min, max], or a typed
 * `INVALID_OPTION` error naming the factory, the option, the allowed range
 * and the value given.
 *
 * @param owner - the factory the options belong to, for the message (`jsonVerifier`).
 */
export function integerOption<O extends object>(owner: string, options: O, name: keyof O & string, fallback: number, min: number, max: number): number {
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = Number.isFinite(max) ? `an integer from ${min} to ${max}` : `an integer of at least ${min}`;
    throw new StepCacheError({
      code: 'INVALID_OPTION',
      message: `${owner}: option "${name}" must be ${range}, got ${String(value)}`,
      details: { option: name, value },
    });
  }
  return value;
}
