import type { LanguageModelV4Middleware } from '@ai-sdk/provider';
import { generateWithCache } from './generate/generate-with-cache';
import { resolveOptions } from './options/resolve-options';
import type { StepCacheOptions } from './options/stepcache-options';
import { streamWithCache } from './stream/stream-with-cache';

/**
 * Creates the StepCache middleware for `wrapLanguageModel`.
 *
 * ```ts
 * const model = wrapLanguageModel({ model: openai('gpt-4o-mini'), middleware: stepCacheMiddleware() });
 * const { text, providerMetadata } = await generateText({ model, prompt: 'Solve 2x + 3 = 7' });
 * providerMetadata?.stepcache; // { path: 'miss', task: 'linear-equation', ... }
 * ```
 *
 * `generateText`/`generateObject` go through `wrapGenerate`, `streamText`/
 * `streamObject`/`useChat` routes through `wrapStream`; both share one cache.
 * Throws `StepCacheError` (`INVALID_OPTION`) when an option is malformed.
 */
export function stepCacheMiddleware(options: StepCacheOptions = {}): LanguageModelV4Middleware {
  const resolved = resolveOptions(options);
  return {
    specificationVersion: 'v4',
    wrapGenerate: ({ doGenerate, params, model }) => generateWithCache(resolved, { doGenerate, params, model }),
    wrapStream: ({ doStream, params, model }) => streamWithCache(resolved, { doStream, params, model }),
  };
}
