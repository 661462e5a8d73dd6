import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache-entry';
import { estimateEntryBytes } from './entry-size';

const base: CacheEntry = {
  id: 'id',
  partition: 'p',
  promptKey: 'k',
  task: 'json',
  input: { prompt: 'prompt', responseFormat: { type: 'text' } },
  answer: 'answer',
  embedding: new Float32Array(8),
  createdAt: 0,
};

describe('estimateEntryBytes', () => {
  it('counts 2 bytes per character of every string and 4 per dimension', () => {
    const bytes = estimateEntryBytes(base, 0);
    expect(estimateEntryBytes({ ...base, answer: `${base.answer}xyz` }, 0) - bytes).toBe(6);
    expect(estimateEntryBytes({ ...base, input: { ...base.input, system: 'sys' } }, 0) - bytes).toBe(6);
    expect(estimateEntryBytes({ ...base, embedding: new Float32Array(16) }, 0) - bytes).toBe(32);
    expect(estimateEntryBytes(base, 100) - bytes).toBe(100);
  });

  it('counts the response schema as JSON', () => {
    const withSchema: CacheEntry = {
      ...base,
      input: { prompt: 'prompt', responseFormat: { type: 'json', schema: { type: 'object', required: ['name'] } } },
    };
    const json = JSON.stringify({ type: 'object', required: ['name'] });
    expect(estimateEntryBytes(withSchema, 0) - estimateEntryBytes(base, 0)).toBe(2 * json.length);
  });
});
