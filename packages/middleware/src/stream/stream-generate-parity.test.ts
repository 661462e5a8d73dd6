import { generateText, streamText, wrapLanguageModel } from 'ai';
import { createCalibrationWorkload, scoreAnswer, simulatedModel } from '@stepcache/sim';
import { describe, expect, it } from 'vitest';
import { stepCacheMiddleware } from '../stepcache-middleware';

// Linear requests of the simulated backend's workload, each asked twice so
// reuse and patch paths are exercised as well as misses.
const items = createCalibrationWorkload({ seed: 7, size: 40, linearShare: 1 });
const workload = [...items, ...items.map((item) => ({ ...item }))];

function cachedSim() {
  return wrapLanguageModel({ model: simulatedModel({ seed: 7, timeScale: 0 }), middleware: stepCacheMiddleware() });
}

describe('streaming and generating agree (simulated backend)', () => {
  it('serves only correct linear answers both ways, on the same paths', async () => {
    const generating = cachedSim();
    const streaming = cachedSim();
    const paths: string[] = [];
    for (const item of workload) {
      const system = item.messages.find((m) => m.role === 'system')?.text;
      const messages = item.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.text }));
      const call = { messages, ...(system === undefined ? {} : { system }) } as Omit<Parameters<typeof generateText>[0], 'model'>;
      const generated = await generateText({ model: generating, ...call } as Parameters<typeof generateText>[0]);
      const streamed = streamText({ model: streaming, ...call } as Parameters<typeof streamText>[0]);
      const streamedText = await streamed.text;
      const generatedPath = (generated.providerMetadata?.stepcache as { path: string }).path;
      const streamedPath = ((await streamed.providerMetadata)?.stepcache as { path: string }).path;
      expect({ id: item.id, ok: scoreAnswer(item, generated.text) }).toEqual({ id: item.id, ok: true });
      expect({ id: item.id, ok: scoreAnswer(item, streamedText) }).toEqual({ id: item.id, ok: true });
      expect(streamedPath).toBe(generatedPath);
      paths.push(generatedPath);
    }
    // The second pass must come from the cache.
    expect(paths.slice(items.length).every((p) => p === 'reuse')).toBe(true);
  });
});
