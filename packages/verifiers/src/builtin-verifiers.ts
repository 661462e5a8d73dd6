import { linearEquationVerifier } from './linear-equation/linear-equation-verifier';
import type { AnyVerifier } from './verifier';

/**
 * Every verifier StepCache ships, in the order they are asked: the
 * middleware's default `verifiers`.
 */
export function builtinVerifiers(): AnyVerifier[] {
  return [linearEquationVerifier()];
}
