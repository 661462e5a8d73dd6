/**
 * Test helpers for StepCache integrations (`@stepcache/middleware/testing`):
 * the contract suite every `CacheStore` must pass. Imports Vitest, so it is a
 * separate entry point and never part of the main bundle.
 */
export { describeCacheStoreContract } from './store/cache-store-contract';
export type { CacheStoreContractOptions } from './store/cache-store-contract';
export { clusteredVectors } from './store/vector-index/clustered-vectors';
export type { ClusteredVectorsOptions } from './store/vector-index/clustered-vectors';
