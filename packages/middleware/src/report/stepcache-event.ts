import type { StepCacheMetadata } from './stepcache-metadata';

/**
 * Something StepCache did or ran into, delivered to the `onEvent` option.
 * Errors in the cache path never fail the request (the cache fails open); they
 * arrive here instead.
 */
export type StepCacheEvent =
  | {
      /** A request finished; `metadata` is what `providerMetadata.stepcache` carries. */
      readonly type: 'request';
      readonly metadata: StepCacheMetadata;
      /** Wall-clock time StepCache spent on the request, model calls included, in milliseconds. */
      readonly durationMs: number;
    }
  | {
      /** A cached candidate was not reused. */
      readonly type: 'skip';
      readonly task: string;
      readonly reason: string;
      readonly similarity?: number;
    }
  | {
      /** Steps failed verification and were sent for regeneration. */
      readonly type: 'patch';
      readonly task: string;
      /** 1 for the first patch call, then one more per repair. */
      readonly attempt: number;
      readonly keptSteps: number;
      readonly reason: string;
    }
  | {
      /** The repair bound was reached and the deterministic fallback wrote the answer. */
      readonly type: 'fallback';
      readonly task: string;
      readonly reason: string;
    }
  | {
      /** A verified answer was stored. */
      readonly type: 'store';
      readonly task: string;
      readonly entryId: string;
    }
  | {
      /**
       * The store, the embedder or a verifier failed or timed out; the request
       * went on without the cache.
       */
      readonly type: 'error';
      readonly stage: 'lookup' | 'store' | 'embedding' | 'verifier';
      readonly error: unknown;
    };

/** Receives events; errors it throws are swallowed so observers never break requests. */
export type StepCacheEventHandler = (event: StepCacheEvent) => void;
