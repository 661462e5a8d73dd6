import type { AnyVerifier, TaskInput } from '@stepcache/verifiers';

/** The verifier that judges a request, with the problem it parsed; none for free text. */
export type Classification =
  | { readonly task: string; readonly verifier: AnyVerifier; readonly problem: unknown }
  | { readonly task: 'text'; readonly verifier?: undefined; readonly problem?: undefined };

/** Task name of requests no verifier can judge. They are reused only on an exact prompt match. */
export const TEXT_TASK = 'text';

/**
 * Asks each verifier in order to detect the request; the first that
 * recognises it judges it. A verifier that throws is treated as not
 * recognising the request, and the error is passed to `onError`.
 */
export function classifyTask(
  verifiers: readonly AnyVerifier[],
  input: TaskInput,
  onError: (error: unknown) => void,
): Classification {
  for (const verifier of verifiers) {
    try {
      const problem: unknown = verifier.detect(input);
      if (problem !== undefined) return { task: verifier.task, verifier, problem };
    } catch (error) {
      onError(error);
    }
  }
  return { task: TEXT_TASK };
}
