import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { MockLanguageModelV4 } from 'ai/test';
import type { ScriptedReply } from './scripted-model';
import { promptText, scriptedModel } from './scripted-model';

/** A record the JSON test model reads values from, recognised by a marker in the prompt. */
export interface JsonRecord {
  /** Text that identifies the record in a prompt (e.g. the person's name). */
  readonly marker: string;
  /** The values a correct answer holds, by key. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** The keys a call's response schema asks for, or `undefined` without a schema. */
export function requestedKeys(options: LanguageModelV4CallOptions): string[] | undefined {
  const format = options.responseFormat;
  if (format?.type !== 'json' || format.schema === undefined) return undefined;
  return Object.keys((format.schema as { properties?: object }).properties ?? {});
}

/**
 * A well-behaved extraction model for tests, over `scriptedModel`: it finds
 * the record whose marker the call's messages mention and answers with
 * exactly the keys its response schema asks for (all of the record's keys
 * without a schema), as compact JSON. `reply` may reshape the answer per
 * call (0-based, counting generate and stream calls), e.g. to drop a key or
 * wrap it in prose.
 */
export function jsonModel(
  records: readonly JsonRecord[],
  reply: (object: Record<string, unknown>, call: number, options: LanguageModelV4CallOptions) => string | ScriptedReply = (o) =>
    JSON.stringify(o),
): MockLanguageModelV4 {
  let calls = 0;
  return scriptedModel((options) => {
    const text = promptText(options);
    const record = records.find((r) => text.includes(r.marker));
    const keys = requestedKeys(options) ?? Object.keys(record?.values ?? {});
    const object: Record<string, unknown> = {};
    for (const key of keys) if (record !== undefined && key in record.values) object[key] = record.values[key];
    return reply(object, calls++, options);
  });
}
