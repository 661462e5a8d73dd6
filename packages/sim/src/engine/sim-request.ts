import type { JSONSchema7 } from '@ai-sdk/provider';

/** One message of a conversation, reduced to its text. */
export interface SimMessage {
  /** Who wrote it. Tool results are folded in as `tool` text. */
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** The message's text (text parts joined; files ignored). */
  text: string;
}

/** What the simulated model is asked, independent of the API it came through. */
export interface SimRequest {
  /** The whole conversation, system messages included, in order. */
  messages: SimMessage[];
  /** `json` (optionally with a JSON Schema) asks for a JSON object; default text. */
  responseFormat?: { type: 'text' } | { type: 'json'; schema?: JSONSchema7 };
  /** Output token limit; the answer is cut there with finish reason `length`. */
  maxOutputTokens?: number;
  /** The call's own seed, mixed into the model seed when given. */
  seed?: number;
  /** Stop sequences: the answer ends before the first one it contains. */
  stopSequences?: string[];
}
