import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plausibleKey } from './key-names';
import { findPromptKeys } from './prompt-keys';

// Random key names: snake_case or camelCase words, never a stop word on their own.
const word = fc.stringMatching(/^[a-z]{2,8}$/).filter(plausibleKey);
const keyName = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a}_${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}`),
);
const keyList = fc.uniqueArray(keyName, { minLength: 2, maxLength: 6 });

const english = (keys: readonly string[]) => `${keys.slice(0, -1).join(', ')} and ${keys.at(-1) as string}`;
const quoted = (keys: readonly string[], q: string) => keys.map((k) => `${q}${k}${q}`).join(', ');

/** Ways of naming the keys that must be read exactly. */
const PHRASINGS: readonly ((keys: readonly string[]) => string)[] = [
  (k) => `Read the profile below and answer in JSON with the keys ${english(k)}.`,
  (k) => `Return a JSON object with the keys ${english(k)} for this text.`,
  (k) => `Give me a JSON object with these fields: ${k.join(', ')}.`,
  (k) => `Output JSON containing the properties ${quoted(k, '`')}.`,
  (k) => `Keys: ${quoted(k, '"')}`,
  (k) => `Return JSON with the following fields:\n${k.map((key) => `- ${key}`).join('\n')}`,
  (k) => `Answer in this format: {${k.map((key) => `"${key}": "..."`).join(', ')}}`,
];

/** Hedges that turn any list into an example. */
const HEDGES = ['such as', 'for example', 'e.g.', 'at least', 'including', 'among others', 'etc.'];

describe('findPromptKeys (property)', () => {
  it('reads exactly the keys a prompt names, in order, whatever the phrasing', () => {
    fc.assert(
      fc.property(keyList, fc.nat(PHRASINGS.length - 1), (keys, at) => {
        const text = (PHRASINGS[at] as (k: readonly string[]) => string)(keys);
        expect(findPromptKeys([text])?.keys).toEqual(keys);
      }),
      { numRuns: 300 },
    );
  });

  it('reads nothing once the prompt hedges, wherever the hedge is', () => {
    fc.assert(
      fc.property(keyList, fc.nat(PHRASINGS.length - 1), fc.constantFrom(...HEDGES), fc.boolean(), (keys, at, hedge, before) => {
        const text = (PHRASINGS[at] as (k: readonly string[]) => string)(keys);
        const hedged = before ? `${hedge.charAt(0).toUpperCase()}${hedge.slice(1)}: ${text}` : `${text} (${hedge})`;
        expect(findPromptKeys([hedged])).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('masks the list so that prompts differing only in their keys compare equal', () => {
    fc.assert(
      fc.property(keyList, keyList, fc.nat(PHRASINGS.length - 1), (a, b, at) => {
        const phrase = PHRASINGS[at] as (k: readonly string[]) => string;
        expect(findPromptKeys([phrase(a)])?.masked).toEqual(findPromptKeys([phrase(b)])?.masked);
      }),
      { numRuns: 200 },
    );
  });
});
