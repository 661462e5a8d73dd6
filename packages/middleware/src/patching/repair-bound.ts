import type { AnyVerifier } from '@stepcache/verifiers';

/**
 * Repair calls allowed for a request: the middleware's `maxRepairs`, lowered
 * to the verifier's own bound when it has one (JSON allows one: one-shot
 * repair).
 */
export function repairBound(maxRepairs: number, verifier: AnyVerifier): number {
  const own = verifier.maxRepairs;
  return typeof own === 'number' && Number.isInteger(own) && own >= 0 ? Math.min(maxRepairs, own) : maxRepairs;
}
