/** Writes a request for one equation in one unknown. */
export type OneUnknownTemplate = (equation: string, variable: string) => string;
/** Writes a request for a system. */
export type SystemTemplate = (equations: readonly string[], variables: readonly string[]) => string;

/** `x and y`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** Ways users ask to solve one equation (varied on purpose: the cache is judged on prompts written elsewhere). */
export const ONE_UNKNOWN_TEMPLATES: readonly OneUnknownTemplate[] = [
  (eq, v) => `Solve for ${v}: ${eq}`,
  (eq) => `Solve ${eq}.`,
  (eq, v) => `Find ${v} if ${eq}. Show your steps.`,
  (eq, v) => `What is the value of ${v} in the equation ${eq}?`,
  (eq, v) => `Solve the equation ${eq} for ${v}, showing each step.`,
  (eq, v) => `${eq}. What is ${v}?`,
  (eq, v) => `Determine ${v} given that ${eq}.`,
  (eq) => `Can you solve this equation step by step? ${eq}`,
];

/** Ways users ask to solve a system. */
export const SYSTEM_TEMPLATES: readonly SystemTemplate[] = [
  (eqs) => `Solve the system of equations: ${eqs.join(', ')}.`,
  (eqs, vars) => `Find ${listWords(vars)} such that ${listWords(eqs)}.`,
  (eqs) => `Solve the following system step by step:\n${eqs.join('\n')}`,
  (eqs, vars) => `Given ${listWords(eqs)}, what are ${listWords(vars)}?`,
  (eqs) => `Solve simultaneously: ${eqs.join('; ')}`,
  (eqs, vars) => `Find the values of ${listWords(vars)} that satisfy ${eqs.join(', ')}.`,
];

/** System prompts some applications put in front of their math questions. */
export const MATH_SYSTEM_PROMPTS: readonly string[] = [
  'You are a helpful math tutor. Solve problems step by step.',
  'You are a concise assistant for algebra homework. Show the key steps and state the final answer.',
];

/** "Is x = 3 a solution …" (the answer is yes or no, not a solution). */
export const CHECK_TEMPLATES: readonly ((eqs: readonly string[], assignment: string) => string)[] = [
  (eqs, a) => `Is ${a} a solution of ${eqs.join(', ')}?`,
  (eqs, a) => `Check whether ${a} satisfies ${eqs.join(' and ')}. Answer yes or no.`,
  (eqs, a) => `Does ${a} solve ${eqs.join(', ')}? Answer yes or no.`,
];

/** "Solve …, then compute x²" (the answer is one number derived from the solution). */
export const THEN_TEMPLATES: readonly ((eqs: readonly string[], expression: string) => string)[] = [
  (eqs, e) => `Solve ${eqs.join(', ')}, then compute ${e}.`,
  (eqs, e) => `Solve ${eqs.join(' and ')} and then find the value of ${e}.`,
  (eqs, e) => `First solve ${eqs.join(', ')}. Then tell me what ${e} is.`,
];

/** "How many solutions does … have?" (a changed question type for systems). */
export const COUNT_TEMPLATES: readonly ((eqs: readonly string[]) => string)[] = [
  (eqs) => `How many solutions does the system ${eqs.join(', ')} have?`,
  (eqs) => `Does the system ${eqs.join(', ')} have exactly one solution, none, or infinitely many? Give the number of solutions.`,
];
