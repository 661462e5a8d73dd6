/**
 * Words of a solve request that change nothing about the expected answer:
 * articles and filler, the vocabulary of asking to solve, and of showing the
 * working. Any other word of the request's prose (a language, a format, a
 * style: "in French", "as a fraction", "in one word", "without steps") is an
 * instruction an answer written for another request may not follow.
 */
const NEUTRAL = new Set(
  `a an the of for in on at to and or with by from as is are be this that these those it its there here
  please can could would will you me my we us our i your let lets us now first
  hi hello hey thanks thank help need needs want like quick simple short
  solve solving solved solution solutions find finding determine compute calculate work working out get
  what which whats value values unknown unknowns variable variables equation equations system systems
  linear following given below above if such that then so do does should must
  show showing shown steps step stepbystep all each every explain explaining explanation detail detailed
  carefully clearly answer answers final result results question problem problems exercise task
  math maths algebra homework assignment practice quiz test class teacher student`.split(/\s+/),
);

/**
 * The request's instruction words that may change the expected answer: its
 * prose words (math already removed), lower-cased, minus the neutral
 * vocabulary and the unknowns' names; sorted and unique.
 */
export function instructionWords(prose: string, unknowns: readonly string[]): string[] {
  const names = new Set(unknowns.map((u) => u.toLowerCase()));
  const words = prose
    .toLowerCase()
    .replace(/step[- ]by[- ]step/g, 'stepbystep')
    .replace(/['’]s\b/g, 's')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1 && !NEUTRAL.has(w) && !names.has(w) && w !== 'eq');
  return [...new Set(words)].sort();
}
