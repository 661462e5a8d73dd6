import type { WorkloadItem } from '@stepcache/sim';
import { createCalibrationWorkload, scoreAnswer, simulatedModel } from '@stepcache/sim';
import { generateText, jsonSchema, Output, streamText, wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import type { StepCacheOptions } from '../options/stepcache-options';
import { stepCacheMiddleware } from '../stepcache-middleware';

type JsonItem = Extract<WorkloadItem, { task: 'json' }>;

// The simulated backend's JSON extraction workload (person records, labelled or narrative text,
// 75 % with a schema; the simulator injects missing keys, extra keys, wrong types, prose, fences
// and syntax slips), each request asked twice.
const items = createCalibrationWorkload({ seed: 7, size: 120, linearShare: 0 }).filter((i): i is JsonItem => i.task === 'json');
const withSchema = items.filter((i) => i.schema !== undefined);
const withoutSchema = items.filter((i) => i.schema === undefined);

function cachedSim(options: StepCacheOptions = {}) {
  return wrapLanguageModel({ model: simulatedModel({ seed: 7, timeScale: 0 }), middleware: stepCacheMiddleware(options) });
}
const promptOf = (item: JsonItem) => item.messages.map((m) => m.text).join('\n');
const pathOf = (metadata: Record<string, unknown> | undefined) => (metadata?.stepcache as { path: string }).path;

/** How an answer differs from the expected object, key by key. */
function defects(item: JsonItem, text: string): string[] {
  const got = JSON.parse(text) as Record<string, unknown>;
  return Object.entries(item.expected).flatMap(([key, value]) => {
    if (!(key in got)) return [`missing ${key}`];
    if (JSON.stringify(got[key]) === JSON.stringify(value)) return [];
    const sameType = typeof got[key] === typeof value && Array.isArray(got[key]) === Array.isArray(value);
    return [sameType ? `wrong value ${key}` : `wrong type ${key}`];
  });
}

describe('the simulated JSON workload through Output.object (SIMULATED backend)', () => {
  it.each([
    ['default options', {}],
    // A low threshold makes other records candidates, so the per-value reuse rule decides every time.
    ['every record a candidate', { minSimilarity: 0.3 }],
  ])('serves only correct objects for requests with a schema, generating and streaming (%s)', async (_name, options) => {
    expect(withSchema.length).toBeGreaterThan(60);
    const generating = cachedSim(options);
    const streaming = cachedSim(options);
    const paths: Record<number, string[]> = { 1: [], 2: [] };
    for (const pass of [1, 2]) {
      for (const item of withSchema) {
        const call = { prompt: promptOf(item), output: Output.object({ schema: jsonSchema(item.schema!) }), maxRetries: 0 };
        const generated = await generateText({ model: generating, ...call }).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        );
        let streamError: unknown;
        const streamed = streamText({ model: streaming, ...call, onError: ({ error }) => (streamError = error) });
        const streamedText = await streamed.text;
        // Either a correct object or a typed failure that names what failed; never a wrong object.
        if (generated instanceof Error) {
          expect(generated).toMatchObject({ code: 'STRUCTURED_OUTPUT_INVALID' });
        } else {
          expect({ id: item.id, pass, ok: scoreAnswer(item, generated.text) }).toEqual({ id: item.id, pass, ok: true });
          paths[pass]?.push(pathOf(generated.providerMetadata));
        }
        if (streamError !== undefined) expect(streamError).toMatchObject({ code: 'STRUCTURED_OUTPUT_INVALID' });
        else expect({ id: item.id, pass, ok: scoreAnswer(item, streamedText) }).toEqual({ id: item.id, pass, ok: true });
      }
    }
    // The second pass is served from the cache.
    expect(paths[2]?.every((p) => p === 'reuse')).toBe(true);
    // With every record a candidate, some cached values were carried over to another record (and were right).
    if ('minSimilarity' in options) expect(paths[1]).toContain('patch');
  });

  it('serves requests without a schema (Output.json) as clean JSON; only fresh answers can be wrong, and only in ways no schema rules out', async () => {
    const model = cachedSim();
    const first = new Map<string, string>();
    const unexplained: string[] = [];
    for (const pass of [1, 2]) {
      for (const item of withoutSchema) {
        const result = await generateText({ model, prompt: promptOf(item), output: Output.json(), maxRetries: 0 });
        const path = pathOf(result.providerMetadata);
        expect(() => JSON.parse(result.text) as unknown).not.toThrow();
        if (pass === 1) {
          first.set(item.id, result.text);
          expect(path).not.toBe('reuse');
          // Without a schema the verifier checks JSON syntax only: a fresh answer that left out a key
          // or gave a value another type (the simulator's injected `jsonMissingKey` / `jsonWrongType`)
          // is valid JSON and cannot be caught. Any other defect would be unexplained.
          const found = scoreAnswer(item, result.text) ? [] : defects(item, result.text);
          if (found.some((d) => d.startsWith('wrong value'))) unexplained.push(`${item.id}: ${found.join(', ')}`);
        } else {
          // The repeat is the first answer again, never another record's values.
          expect(path).toBe('reuse');
          expect(JSON.parse(result.text)).toEqual(JSON.parse(first.get(item.id)!));
        }
      }
    }
    expect(unexplained).toEqual([]);
  });
});
