import type { UIMessage } from 'ai';
import { convertToModelMessages, streamText, wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import { stepCacheMiddleware } from '../stepcache-middleware';
import { scriptedModel } from '../test-utils/scripted-model';

const ANSWER = 'Step 1: Subtract 3 from both sides: 2x = 4\nStep 2: Divide both sides by 2: x = 2\nFinal answer: x = 2';

/** A Next.js App Router chat route, as `useChat` calls it. */
function chatRoute(model: Parameters<typeof streamText>[0]['model']) {
  return async function POST(req: Request): Promise<Response> {
    const { messages }: { messages: UIMessage[] } = await req.json();
    const result = streamText({ model, messages: await convertToModelMessages(messages) });
    return result.toUIMessageStreamResponse({
      messageMetadata: ({ part }) =>
        part.type === 'finish-step' ? { stepcache: part.providerMetadata?.stepcache } : undefined,
    });
  };
}

async function post(route: (req: Request) => Promise<Response>, text: string) {
  const body = { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text }] }] };
  const response = await route(
    new Request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  const chunks = (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
  return {
    response,
    chunks,
    text: chunks.filter((c) => c.type === 'text-delta').map((c) => c.delta).join(''),
    stepcache: chunks
      .map((c) => (c.messageMetadata as { stepcache?: { path: string } } | undefined)?.stepcache)
      .find((m) => m !== undefined),
  };
}

describe('a Next.js chat route over stepCacheMiddleware', () => {
  it('streams a UI message response for useChat, then serves the repeat from the cache', async () => {
    const base = scriptedModel(() => ANSWER);
    const route = chatRoute(wrapLanguageModel({ model: base, middleware: stepCacheMiddleware() }));

    const first = await post(route, 'Solve for x: 2x + 3 = 7');
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('content-type')).toContain('text/event-stream');
    expect(first.chunks.map((c) => c.type)).toEqual(expect.arrayContaining(['start', 'text-start', 'text-delta', 'text-end', 'finish']));
    expect(first.text).toMatch(/Final answer: x = 2$/);
    expect(first.stepcache?.path).toBe('miss');

    const second = await post(route, 'Solve for x: 2x + 3 = 7');
    expect(second.text).toBe(first.text);
    expect(second.stepcache?.path).toBe('reuse');
    expect(base.doStreamCalls).toHaveLength(1);
  });
});
