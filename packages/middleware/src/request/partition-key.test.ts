import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { partitionKey } from './partition-key';
import { parseRequest } from './task-input';

const call = (responseFormat: LanguageModelV4CallOptions['responseFormat']): LanguageModelV4CallOptions => ({
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'Extract the name.' }] }],
  ...(responseFormat === undefined ? {} : { responseFormat }),
});
const key = (responseFormat: LanguageModelV4CallOptions['responseFormat'], schemaJudged: boolean) =>
  partitionKey({ embedder: 'e', provider: 'p', modelId: 'm', scope: '', request: parseRequest(call(responseFormat)), schemaJudged });

const A = { type: 'object' as const, properties: { name: { type: 'string' as const } } };
const B = { type: 'object' as const, properties: { name: { type: 'string' as const }, age: { type: 'integer' as const } } };

describe('partitionKey', () => {
  it('leaves the schema out when the verifier judges it, so a changed schema finds the cached answer', async () => {
    expect(await key({ type: 'json', schema: A }, true)).toBe(await key({ type: 'json', schema: B }, true));
  });

  it('keeps the schema in otherwise', async () => {
    expect(await key({ type: 'json', schema: A }, false)).not.toBe(await key({ type: 'json', schema: B }, false));
  });

  it('always keeps the format type, name and description', async () => {
    const judged = await key({ type: 'json', schema: A }, true);
    expect(await key(undefined, true)).not.toBe(judged);
    expect(await key({ type: 'json', schema: A, name: 'buyer' }, true)).not.toBe(judged);
    expect(await key({ type: 'json', schema: A, description: 'the seller' }, true)).not.toBe(judged);
  });
});
