export { linearEquationVerifier, type LinearEquationVerifierOptions } from './linear-equation-verifier';
export type { LinearProblem, SolvingMethod } from './linear-problem';
export type { LinearEquation } from './linear-system';
