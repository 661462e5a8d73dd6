import type { EmbeddingModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { AnyVerifier } from '@stepcache/verifiers';
import { builtinVerifiers } from '@stepcache/verifiers';
import type { Embedder } from '../embedding/embedder';
import { embeddingModelEmbedder } from '../embedding/embedding-model-embedder';
import { localEmbedder } from '../embedding/local-embedder';
import type { StepCacheEventHandler } from '../report/stepcache-event';
import type { CacheStore } from '../store/cache-store';
import { memoryStore } from '../store/memory-store';
import { invalidValue } from './invalid-value';
import type { StepCacheOptions } from './stepcache-options';

/** {@link StepCacheOptions} validated, with defaults filled in. */
export interface ResolvedOptions {
  readonly store: CacheStore;
  readonly embedder: Embedder;
  readonly verifiers: readonly AnyVerifier[];
  readonly minSimilarity: number;
  readonly maxRepairs: number;
  readonly timeoutMs: number;
  readonly scope: (params: LanguageModelV4CallOptions) => string | undefined;
  /** Never throws. */
  readonly emit: StepCacheEventHandler;
  readonly streamMisses: 'verified' | 'passthrough';
}

/** Validates options, naming the offending field, and fills in defaults. */
export function resolveOptions(options: StepCacheOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'must be an object', options);
  }
  const {
    store,
    embedding,
    verifiers,
    minSimilarity = 0.65,
    maxRepairs = 2,
    timeoutMs = 1000,
    scope,
    onEvent,
    streamMisses = 'verified',
  } = options;

  if (store !== undefined && !isStore(store)) {
    throw invalid('store', 'must implement search, findExact, put and clear', store);
  }
  if (verifiers !== undefined && (!Array.isArray(verifiers) || !verifiers.every(isVerifier))) {
    throw invalid('verifiers', 'must be an array of verifiers (objects with task, detect and verifyStep)', verifiers);
  }
  if (typeof minSimilarity !== 'number' || !(minSimilarity >= -1 && minSimilarity <= 1)) {
    throw invalid('minSimilarity', 'must be a number between -1 and 1', minSimilarity);
  }
  if (!Number.isInteger(maxRepairs) || maxRepairs < 0) {
    throw invalid('maxRepairs', 'must be a non-negative integer', maxRepairs);
  }
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw invalid('timeoutMs', 'must be a positive number of milliseconds (or Infinity)', timeoutMs);
  }
  if (scope !== undefined && typeof scope !== 'function') throw invalid('scope', 'must be a function', scope);
  if (onEvent !== undefined && typeof onEvent !== 'function') throw invalid('onEvent', 'must be a function', onEvent);
  if (streamMisses !== 'verified' && streamMisses !== 'passthrough') {
    throw invalid('streamMisses', 'must be "verified" or "passthrough"', streamMisses);
  }

  return {
    store: store ?? memoryStore(),
    embedder: resolveEmbedder(embedding),
    verifiers: verifiers ?? builtinVerifiers(),
    minSimilarity,
    maxRepairs,
    timeoutMs,
    scope: scope ?? defaultScope,
    streamMisses,
    emit: (event) => {
      try {
        onEvent?.(event);
      } catch {
        // An observer's bug must not fail the request it observes.
      }
    },
  };
}

function resolveEmbedder(embedding: Embedder | EmbeddingModelV4 | undefined): Embedder {
  if (embedding === undefined) return localEmbedder();
  if (typeof embedding === 'object' && embedding !== null) {
    if ('doEmbed' in embedding && typeof embedding.doEmbed === 'function') return embeddingModelEmbedder(embedding);
    if ('embed' in embedding && typeof embedding.embed === 'function' && typeof embedding.id === 'string') return embedding;
  }
  throw invalid('embedding', 'must be an Embedder ({ id, embed }) or an AI SDK embedding model', embedding);
}

function defaultScope(params: LanguageModelV4CallOptions): string | undefined {
  const scope = params.providerOptions?.stepcache?.scope;
  return typeof scope === 'string' ? scope : undefined;
}

function isStore(value: unknown): value is CacheStore {
  const store = value as Partial<CacheStore> | null;
  return (
    typeof store === 'object' &&
    store !== null &&
    typeof store.search === 'function' &&
    typeof store.findExact === 'function' &&
    typeof store.put === 'function' &&
    typeof store.clear === 'function'
  );
}

function isVerifier(value: unknown): value is AnyVerifier {
  const verifier = value as Partial<AnyVerifier> | null;
  return (
    typeof verifier === 'object' &&
    verifier !== null &&
    typeof verifier.task === 'string' &&
    typeof verifier.detect === 'function' &&
    typeof verifier.verifyStep === 'function'
  );
}

function invalid(field: string, expectation: string, value: unknown) {
  return invalidValue('INVALID_OPTION', `stepCacheMiddleware: ${field}`, expectation, value);
}
