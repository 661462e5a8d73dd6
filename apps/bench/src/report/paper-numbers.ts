/**
 * The StepCache paper's published benchmark (arXiv 2603.28795, CPU-only,
 * 222 evaluation requests per seed, seeds 42/43/44): what our table prints
 * beside our own figures. Latencies in ms, correctness as a share.
 */
export const PAPER = {
  noCache: { meanMs: 2130, medianMs: 2420, p95Ms: 3380, tokens: 36_100, tokensPerRequest: 162.7, correctness: 0.725 },
  stepCache: { meanMs: 670, medianMs: 10, p95Ms: 3300, tokens: 27_300, tokensPerRequest: 123, correctness: 1 },
  /** StepCache's path breakdown (shares of requests). */
  paths: { reuse: 0.797, patch: 0.054, skip: 0.149 },
} as const;
