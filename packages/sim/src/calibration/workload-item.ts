import type { JSONSchema7 } from '@ai-sdk/provider';
import type { SimMessage } from '../engine/sim-request';

/** One request of the calibration workload, with what a correct answer must say. */
export type WorkloadItem =
  | {
      id: string;
      task: 'linear';
      messages: SimMessage[];
      /** Variables in answer order and their exact values as fractions (`'3/2'`). */
      expected: { variables: string[]; values: string[] };
    }
  | {
      id: string;
      task: 'json';
      messages: SimMessage[];
      /** The response schema, when the request has one (else keys are named in the prompt). */
      schema?: JSONSchema7;
      /** The exact object a correct answer holds. */
      expected: Record<string, unknown>;
    };
