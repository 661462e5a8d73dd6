import type { Rng } from '../random/rng';

const STOP = new Set(
  'a an the and or but if of to in on at for with by from as is are was were be been it its this that these those what which who whom how why when where can could should would will do does did i you we they he she me my your our their about into than then so not no yes please tell explain give write me some any just'.split(' '),
);

/** Content words of a request, most specific (longest) first. */
function topicWords(text: string): string[] {
  const words = (text.toLowerCase().match(/[a-z][a-z-]{2,}/g) ?? []).filter((w) => !STOP.has(w));
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 3);
}

/** A short, generic, deterministic answer to a free-text request. */
export function answerText(request: string, rng: Rng): string {
  const words = topicWords(request);
  const topic = words.length > 0 ? words.slice(0, 2).join(' and ') : 'this question';
  const opener = rng.pick([
    `Here is a short answer about ${topic}.`,
    `Good question! In short, ${topic} comes down to a few key points.`,
    `Sure. When it comes to ${topic}, it helps to keep things simple.`,
  ]);
  const body = rng.pick([
    `First, be clear about the goal. Second, check the assumptions behind it. Third, verify the result against a simple example before relying on it.`,
    `The main idea is to break the problem into smaller parts, handle each one carefully, and then put the pieces back together.`,
    `It depends on the context, but a good rule of thumb is to start with the simplest approach that works and refine it only when needed.`,
  ]);
  const closer = rng.pick(['Let me know if you would like more detail.', 'I hope this helps!', '']);
  return [opener, body, closer].filter((s) => s !== '').join(' ');
}
