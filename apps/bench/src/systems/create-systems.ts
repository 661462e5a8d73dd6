import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { StepCacheMetadata } from '@stepcache/middleware';
import { localEmbedder, memoryStore, stepCacheMiddleware } from '@stepcache/middleware';
import { wrapLanguageModel } from 'ai';
import { accountingModel } from '../measure/accounting-model';
import { CallLedger } from '../measure/call-ledger';
import type { AnswerPath, BenchSystem, SystemId, SystemOutcome } from './bench-system';
import { SYSTEM_LABELS } from './bench-system';
import { exactMatchCacheMiddleware } from './exact-match-cache';
import { recordingStore } from './recording-store';
import { semanticCacheMiddleware } from './semantic-cache';

/** Every system, in report order. */
export const ALL_SYSTEMS: readonly SystemId[] = ['no-cache', 'exact-match', 'semantic', 'stepcache'];

/** Cosine threshold of the semantic-cache baseline (GPTCache / @upstash/semantic-cache style). */
export const SEMANTIC_THRESHOLD = 0.9;

function noCache(base: LanguageModelV4, ledger: CallLedger): BenchSystem {
  return {
    id: 'no-cache',
    label: SYSTEM_LABELS['no-cache'],
    model: accountingModel(base, ledger),
    ledger,
    takeOutcome: () => ({ path: 'miss' }),
  };
}

function lookupTracker() {
  let last: SystemOutcome = { path: 'miss' };
  return {
    set(lookup: { hit: boolean; cachedPrompt?: string }) {
      last = lookup.hit ? { path: 'hit', ...(lookup.cachedPrompt === undefined ? {} : { cachedPrompt: lookup.cachedPrompt }) } : { path: 'miss' };
    },
    take(): SystemOutcome {
      const out = last;
      last = { path: 'miss' };
      return out;
    },
  };
}

function exactMatch(base: LanguageModelV4, ledger: CallLedger): BenchSystem {
  const tracker = lookupTracker();
  const middleware = exactMatchCacheMiddleware({ onLookup: (l) => tracker.set(l) });
  return {
    id: 'exact-match',
    label: SYSTEM_LABELS['exact-match'],
    model: wrapLanguageModel({ model: accountingModel(base, ledger), middleware }),
    ledger,
    takeOutcome: () => tracker.take(),
  };
}

function semantic(base: LanguageModelV4, ledger: CallLedger): BenchSystem {
  const tracker = lookupTracker();
  // StepCache's own local embedder, so the comparison is about the reuse policy and not the embedding.
  const embedder = localEmbedder();
  const middleware = semanticCacheMiddleware({ embed: (text) => embedder.embedSync(text), threshold: SEMANTIC_THRESHOLD, onLookup: (l) => tracker.set(l) });
  return {
    id: 'semantic',
    label: SYSTEM_LABELS.semantic,
    model: wrapLanguageModel({ model: accountingModel(base, ledger), middleware }),
    ledger,
    takeOutcome: () => tracker.take(),
  };
}

const STEPCACHE_PATHS = new Set<AnswerPath>(['reuse', 'patch', 'skip', 'miss', 'bypass']);

function stepCache(base: LanguageModelV4, ledger: CallLedger): BenchSystem {
  // The default store, wrapped only to learn which cached prompt an answer came from.
  const store = recordingStore(memoryStore());
  let metadata: StepCacheMetadata | undefined;
  const middleware = stepCacheMiddleware({
    store,
    onEvent: (event) => {
      if (event.type === 'request') metadata = event.metadata;
    },
  });
  const model = wrapLanguageModel({ model: accountingModel(base, ledger), middleware });
  return {
    id: 'stepcache',
    label: SYSTEM_LABELS.stepcache,
    model,
    ledger,
    takeOutcome(providerMetadata) {
      // The request event also covers calls whose result the SDK rejected (e.g. unparsable JSON).
      const fromResult = providerMetadata?.stepcache as StepCacheMetadata | undefined;
      const info = metadata ?? fromResult;
      const entry = store.lastReturned();
      metadata = undefined;
      store.reset();
      const path: AnswerPath = info !== undefined && STEPCACHE_PATHS.has(info.path) ? info.path : 'miss';
      const reused = path === 'reuse' || path === 'patch';
      return {
        path,
        ...(reused && entry !== undefined ? { cachedPrompt: entry.input.prompt } : {}),
        ...(info === undefined ? {} : { task: info.task }),
        ...(info?.reason === undefined ? {} : { reason: info.reason }),
      };
    },
  };
}

const FACTORIES: Readonly<Record<SystemId, (base: LanguageModelV4, ledger: CallLedger) => BenchSystem>> = {
  'no-cache': noCache,
  'exact-match': exactMatch,
  semantic,
  stepcache: stepCache,
};

/**
 * Builds the systems of one seed. `newBackendModel` is called once per
 * system, so each has its own backend model instance (same seed) and its own
 * cache state; each backend model is wrapped in an accounting model under the
 * system's cache.
 */
export function createSystems(ids: readonly SystemId[], newBackendModel: () => LanguageModelV4): BenchSystem[] {
  return ids.map((id) => FACTORIES[id](newBackendModel(), new CallLedger()));
}
