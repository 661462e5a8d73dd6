import { jsonVerifier } from './json/json-verifier';
import { linearEquationVerifier } from './linear-equation/linear-equation-verifier';
import type { AnyVerifier } from './verifier';

/**
 * Every verifier StepCache ships, in the order they are asked: the
 * middleware's default `verifiers`. JSON comes first: a request for JSON is
 * a structured-output task even when its prompt holds an equation.
 */
export function builtinVerifiers(): AnyVerifier[] {
  return [jsonVerifier(), linearEquationVerifier()];
}
