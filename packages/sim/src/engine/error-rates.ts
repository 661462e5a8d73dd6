import type { JsonErrorRates } from '../json/json-error-rates';
import type { LinearErrorRates } from '../linear/answer-linear';

/**
 * Every error rate of the simulated model (probabilities in [0, 1], drawn
 * per response from a seeded generator).
 */
export interface SimErrorRates extends LinearErrorRates, JsonErrorRates {}

/**
 * Defaults, calibrated so that end-to-end correctness with no cache on the
 * calibration workload (half linear equations, half JSON extraction; see
 * `measureCalibration`) comes out near the StepCache paper's 72.5 %.
 */
export const DEFAULT_ERROR_RATES: Readonly<SimErrorRates> = Object.freeze({
  arithmeticSlip: 0.18,
  finalLineSlip: 0.08,
  jsonMissingKey: 0.08,
  jsonExtraKey: 0.05,
  jsonWrongType: 0.07,
  jsonProse: 0.06,
  jsonCodeFence: 0.05,
  jsonSyntax: 0.04,
  jsonRepairFailure: 0.1,
});

/** All rates zero: a model that never errs on purpose. */
export const NO_ERRORS: Readonly<SimErrorRates> = Object.freeze({
  arithmeticSlip: 0,
  finalLineSlip: 0,
  jsonMissingKey: 0,
  jsonExtraKey: 0,
  jsonWrongType: 0,
  jsonProse: 0,
  jsonCodeFence: 0,
  jsonSyntax: 0,
  jsonRepairFailure: 0,
});
