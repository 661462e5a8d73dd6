import type { AnyVerifier } from '@stepcache/verifiers';

/**
 * `reusedKeys` / `patchedKeys` for the metadata: the names the verifier gives
 * the reused and patched steps, or nothing when it does not name steps.
 */
export function stepNames(
  verifier: AnyVerifier | undefined,
  problem: unknown,
  steps: { readonly reused: readonly string[]; readonly patched: readonly string[] },
): { reusedKeys?: string[]; patchedKeys?: string[] } {
  const name = verifier?.stepName;
  if (name === undefined) return {};
  const names = (list: readonly string[]) =>
    list.map((step) => name.call(verifier, step, problem)).filter((n): n is string => n !== undefined);
  return { reusedKeys: names(steps.reused), patchedKeys: names(steps.patched) };
}
