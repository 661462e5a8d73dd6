import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { invalidValue } from '../options/invalid-value';

/**
 * Per-call control, passed as `providerOptions.stepcache` on any AI SDK call:
 *
 * ```ts
 * generateText({ model, prompt, providerOptions: { stepcache: { scope: 'tenant-42' } } });
 * ```
 */
export interface StepCacheCallOptions {
  /**
   * Partition of the cache this call reads and writes (tenant, user, namespace).
   * Entries are never visible across scopes. Default: the shared scope `''`.
   */
  readonly scope?: string;
  /** Skip the cache entirely for this call: no lookup, no store. Default `false`. */
  readonly bypass?: boolean;
}

/** Reads and validates `providerOptions.stepcache`. */
export function readCallOptions(params: LanguageModelV4CallOptions): StepCacheCallOptions {
  const raw = params.providerOptions?.stepcache;
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid('providerOptions.stepcache', 'must be an object', raw);
  }
  const { scope, bypass } = raw as Record<string, unknown>;
  if (scope !== undefined && typeof scope !== 'string') {
    throw invalid('providerOptions.stepcache.scope', 'must be a string', scope);
  }
  if (bypass !== undefined && typeof bypass !== 'boolean') {
    throw invalid('providerOptions.stepcache.bypass', 'must be a boolean', bypass);
  }
  return { scope, bypass };
}

function invalid(field: string, expectation: string, value: unknown) {
  return invalidValue('INVALID_ARGUMENT', field, expectation, value);
}
