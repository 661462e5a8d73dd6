import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4Message,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import type { PatchRequest } from '@stepcache/verifiers';
import type { ParsedRequest } from '../request/task-input';

/**
 * Makes one patch or repair call to the underlying model and returns its
 * output as stream parts, whether the model was called with `doGenerate`
 * (one text delta, then `finish`) or `doStream`.
 */
export type ModelCaller = (request: PatchRequest) => Promise<ReadableStream<LanguageModelV4StreamPart>>;

/** The text of a generate result: the structured-output text when the provider set one, else all text parts. */
export function resultText(result: Pick<LanguageModelV4GenerateResult, 'content' | 'structuredOutputText'>): string {
  if (result.structuredOutputText !== undefined) return result.structuredOutputText;
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** A generate result as the stream parts a streaming call would have produced. */
export function resultAsStream(result: LanguageModelV4GenerateResult): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue({ type: 'text-delta', id: 'generate', delta: resultText(result) });
      controller.enqueue({ type: 'finish', usage: result.usage, finishReason: result.finishReason });
      controller.close();
    },
  });
}

/**
 * The call options of a patch call: the original options, with the question
 * replaced by the verifier's patch messages (system prompt and history kept),
 * and the patch's sub-schema as response format when it has one.
 */
export function patchCallOptions(
  params: LanguageModelV4CallOptions,
  request: ParsedRequest,
  patch: PatchRequest,
): LanguageModelV4CallOptions {
  const messages: LanguageModelV4Message[] = patch.messages.map((message) =>
    message.role === 'user'
      ? { role: 'user', content: [{ type: 'text', text: message.content }] }
      : { role: 'assistant', content: [{ type: 'text', text: message.content }] },
  );
  return {
    ...params,
    prompt: [...request.systemMessages, ...request.history, ...messages],
    ...(patch.schema === undefined ? {} : { responseFormat: { type: 'json', schema: patch.schema } }),
  };
}

/** A {@link ModelCaller} over the model's `doGenerate` (for `generateText`). */
export function generateCaller(model: LanguageModelV4, params: LanguageModelV4CallOptions, request: ParsedRequest): ModelCaller {
  return async (patch) => resultAsStream(await model.doGenerate(patchCallOptions(params, request, patch)));
}

/** A {@link ModelCaller} over the model's `doStream` (for `streamText`). */
export function streamCaller(model: LanguageModelV4, params: LanguageModelV4CallOptions, request: ParsedRequest): ModelCaller {
  return async (patch) => (await model.doStream(patchCallOptions(params, request, patch))).stream;
}
