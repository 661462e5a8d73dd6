/** The verdict on one answer. */
export interface CheckResult {
  /**
   * The task check: the answer has the shape the task demands (JSON: one
   * object, valid against the schema, exactly the requested keys; linear: a
   * final value for every unknown of this request, no unknown of another
   * request, values that satisfy every equation; other questions: an answer
   * of the asked type).
   */
  readonly taskCheck: boolean;
  /** The independent final-answer check: the answer equals the generator's ground truth. */
  readonly finalAnswer: boolean;
  /** Both checks passed. */
  readonly correct: boolean;
  /** Why a check failed, for reports. */
  readonly reason?: string;
}

/** Builds a result; `correct` is the conjunction of both checks. */
export function checkResult(taskCheck: boolean, finalAnswer: boolean, reason?: string): CheckResult {
  const correct = taskCheck && finalAnswer;
  return correct || reason === undefined ? { taskCheck, finalAnswer, correct } : { taskCheck, finalAnswer, correct, reason };
}
