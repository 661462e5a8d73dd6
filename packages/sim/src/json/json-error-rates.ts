/** Error rates for JSON answers; each is drawn independently per response. */
export interface JsonErrorRates {
  /** Probability of dropping one required key. */
  jsonMissingKey: number;
  /** Probability of adding a key the schema does not list. */
  jsonExtraKey: number;
  /** Probability of writing one value with the wrong type (`"34"` for 34). */
  jsonWrongType: number;
  /** Probability of prose before (and sometimes after) the JSON ("Here is the JSON:"). */
  jsonProse: number;
  /** Probability of wrapping the JSON in a markdown code fence. */
  jsonCodeFence: number;
  /** Probability of a syntax slip: a trailing comma or single quotes. */
  jsonSyntax: number;
  /** Probability that an answer to a "fix this JSON" request still has one defect. */
  jsonRepairFailure: number;
}
