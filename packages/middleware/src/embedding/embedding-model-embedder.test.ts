import { StepCacheError } from '@stepcache/verifiers';
import { MockEmbeddingModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { embeddingModelEmbedder } from './embedding-model-embedder';

function mockModel(embedding: number[] = [0.5, -0.25, 1]) {
  return new MockEmbeddingModelV4({
    provider: 'mock-provider',
    modelId: 'mock-embed-1',
    doEmbed: async () => ({ embeddings: [embedding], warnings: [] }),
  });
}

describe('embeddingModelEmbedder', () => {
  it('is named after provider and model, and after the requested dimensions', () => {
    expect(embeddingModelEmbedder(mockModel()).id).toBe('mock-provider:mock-embed-1');
    expect(embeddingModelEmbedder(mockModel(), { dimensions: 512 }).id).toBe('mock-provider:mock-embed-1:512');
    expect(embeddingModelEmbedder('openai/text-embedding-3-small').id).toBe('global:openai/text-embedding-3-small');
    expect(embeddingModelEmbedder(mockModel(), { id: 'custom' }).id).toBe('custom');
  });

  it('returns the model embedding as a Float32Array and sends the text once', async () => {
    const model = mockModel([0.5, -0.25, 1]);
    const vector = await embeddingModelEmbedder(model).embed('Solve 2x + 3 = 7');
    expect(vector).toBeInstanceOf(Float32Array);
    expect(Array.from(vector)).toEqual([0.5, -0.25, 1]);
    expect(model.doEmbedCalls).toHaveLength(1);
    expect(model.doEmbedCalls[0]?.values).toEqual(['Solve 2x + 3 = 7']);
  });

  it('passes the abort signal, dimensions and headers to the model', async () => {
    const model = mockModel();
    const controller = new AbortController();
    await embeddingModelEmbedder(model, { dimensions: 3, headers: { 'x-test': '1' } }).embed('hi', {
      abortSignal: controller.signal,
    });
    const call = model.doEmbedCalls[0]!;
    expect(call.abortSignal).toBe(controller.signal);
    expect(call.dimensions).toBe(3);
    expect(call.headers).toMatchObject({ 'x-test': '1' });
  });

  it('wraps model failures in EMBEDDING_ERROR without retrying by default', async () => {
    let calls = 0;
    const cause = new Error('rate limited');
    const model = new MockEmbeddingModelV4({
      doEmbed: async () => {
        calls++;
        throw cause;
      },
    });
    const failure = await embeddingModelEmbedder(model).embed('x').catch((error: unknown) => error);
    expect(StepCacheError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'EMBEDDING_ERROR', message: expect.stringContaining('rate limited') });
    expect((failure as Error).cause).toBeDefined();
    expect(calls).toBe(1);
  });

  it('rejects an empty embedding as EMBEDDING_ERROR', async () => {
    await expect(embeddingModelEmbedder(mockModel([])).embed('x')).rejects.toMatchObject({ code: 'EMBEDDING_ERROR' });
  });

  it('lets an abort through unwrapped', async () => {
    const controller = new AbortController();
    const model = new MockEmbeddingModelV4({
      doEmbed: async ({ abortSignal }) => {
        controller.abort(new DOMException('stop', 'AbortError'));
        abortSignal?.throwIfAborted();
        return { embeddings: [[1]], warnings: [] };
      },
    });
    const failure = await embeddingModelEmbedder(model).embed('x', { abortSignal: controller.signal }).catch((e: unknown) => e);
    expect(StepCacheError.isInstance(failure)).toBe(false);
    expect(failure).toMatchObject({ name: 'AbortError' });
  });

  it('rejects bad options naming them', () => {
    expect(() => embeddingModelEmbedder(mockModel(), { maxRetries: -1 })).toThrow(/embeddingModelEmbedder: maxRetries must be a non-negative integer, got -1/);
    expect(() => embeddingModelEmbedder(mockModel(), { dimensions: 0 })).toThrow(/dimensions must be a positive integer/);
    expect(() => embeddingModelEmbedder({} as never)).toThrow(/model must be an AI SDK embedding model/);
  });
});
