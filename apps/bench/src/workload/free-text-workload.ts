import type { Rng } from '@stepcache/sim';
import type { BenchRequest, PerturbationKind } from './workload-request';

/** An open question and two turned-around versions of it. */
interface FreeTextTopic {
  readonly question: string;
  /** The same question with a negation: the original's answer is wrong for it. */
  readonly negation: string;
  /** Another question about the same subject (another question type). */
  readonly other: string;
}

/** Open questions, each with a negation trap and a changed-question trap. */
export const FREE_TEXT_TOPICS: readonly FreeTextTopic[] = [
  {
    question: 'Which of these animals is a mammal: shark, dolphin, trout?',
    negation: 'Which of these animals is not a mammal: shark, dolphin, trout?',
    other: 'Why is a dolphin classified as a mammal?',
  },
  {
    question: 'Is Python a compiled language?',
    negation: 'Is Python not a compiled language?',
    other: 'When was Python first released?',
  },
  {
    question: 'What is the capital of Australia?',
    negation: 'Which city is not the capital of Australia, Sydney or Canberra?',
    other: 'What is the population of the capital of Australia?',
  },
  {
    question: 'Why should passwords be hashed before they are stored?',
    negation: 'Why should passwords not be stored in plain text?',
    other: 'Which algorithms are recommended for hashing passwords?',
  },
  {
    question: 'Which HTTP methods are idempotent?',
    negation: 'Which HTTP methods are not idempotent?',
    other: 'How many HTTP request methods are defined in the standard?',
  },
  {
    question: 'Is 91 a prime number?',
    negation: 'Is 91 not a prime number?',
    other: 'What are the prime factors of 91?',
  },
  {
    question: 'Does water boil at 100 degrees Celsius at sea level?',
    negation: 'Does water not boil at 100 degrees Celsius on a high mountain?',
    other: 'At what temperature does water freeze at sea level?',
  },
  {
    question: 'Name a programming language that uses garbage collection.',
    negation: 'Name a programming language that does not use garbage collection.',
    other: 'How does a tracing garbage collector decide what to free?',
  },
  {
    question: 'Is it a good idea to cache LLM responses in production?',
    negation: 'Is it not a good idea to cache LLM responses in production?',
    other: 'How long should cached LLM responses be kept?',
  },
  {
    question: 'Which countries border Switzerland?',
    negation: 'Which neighbouring countries of Switzerland do not use the euro?',
    other: 'How many countries border Switzerland?',
  },
  {
    question: 'Explain what a database index is.',
    negation: 'Explain when a database index does not help a query.',
    other: 'How much disk space does a database index typically take?',
  },
  {
    question: 'Is coffee good for your health?',
    negation: 'Is coffee not good for your health?',
    other: 'How much caffeine is in a cup of coffee?',
  },
];

/**
 * How the free-text share of a seed is split: `topics` open questions, then
 * `repeats` word-for-word repeats of some of them (fine to serve from a
 * cache), `negations` negation traps and `others` changed-question traps
 * (never fine to serve from the original's answer).
 */
export interface FreeTextMix {
  readonly topics: number;
  readonly repeats: number;
  readonly negations: number;
  readonly others: number;
}

/** The free-text mix of the default workload: 8 + 4 + 6 + 4 = 22 requests. */
export const DEFAULT_FREE_TEXT_MIX: FreeTextMix = { topics: 8, repeats: 4, negations: 6, others: 4 };

/** Free-text requests and traps; every follow-up names its original as `group`. */
export function freeTextRequests(rng: Rng, seed: number, mix: FreeTextMix): BenchRequest[] {
  const count = Math.min(mix.topics, FREE_TEXT_TOPICS.length);
  const topics = rng.shuffle(FREE_TEXT_TOPICS.map((t, i) => ({ ...t, index: i }))).slice(0, count);
  const requests: BenchRequest[] = [];
  const add = (kind: PerturbationKind, topic: (typeof topics)[number], prompt: string, n: number) => {
    const group = `text-${topic.index}`;
    requests.push({
      id: kind === 'free-text' ? group : `${group}-${kind}-${n}`,
      seed,
      family: 'text',
      kind,
      group,
      graded: false,
      mustNotReuse: kind === 'negation-trap' || kind === 'question-trap',
      prompt,
      output: { type: 'text' },
      truth: { kind: 'fresh' },
    });
  };
  topics.forEach((t) => add('free-text', t, t.question, 0));
  const cycle = (n: number, offset: number) => Array.from({ length: n }, (_, i) => topics[(i + offset) % Math.max(1, topics.length)]);
  if (topics.length === 0) return requests;
  cycle(mix.repeats, 0).forEach((t, i) => t && add('repeat', t, t.question, i));
  cycle(mix.negations, mix.repeats).forEach((t, i) => t && add('negation-trap', t, t.negation, i));
  cycle(mix.others, mix.repeats + mix.negations).forEach((t, i) => t && add('question-trap', t, t.other, i));
  return requests;
}
