import type { JSONSchema7 } from '@ai-sdk/provider';
import type { SimRequest } from '../engine/sim-request';
import { badRequest } from './http-io';
import { strictSchemaIssue } from './strict-schema';

/**
 * Reads an OpenAI response format (`response_format` of Chat Completions,
 * `text.format` of Responses): `text`, `json_object`, or `json_schema` with
 * the schema either nested under `json_schema` (chat) or inline (responses).
 * A schema sent with `strict: true` must follow OpenAI's strict rules (see
 * `strict-schema.ts`), or the request is refused with 400 as OpenAI would.
 */
export function readOpenAIFormat(value: unknown, path: string): SimRequest['responseFormat'] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(path, 'must be an object');
  const format = value as { type?: unknown; json_schema?: unknown; schema?: unknown };
  switch (format.type) {
    case 'text':
      return { type: 'text' };
    case 'json_object':
      return { type: 'json' };
    case 'json_schema': {
      const holder = format.json_schema ?? format;
      const schema = (holder as { schema?: unknown }).schema;
      if (schema === undefined) return { type: 'json' };
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        throw badRequest(format.json_schema ? `${path}.json_schema.schema` : `${path}.schema`, 'must be a JSON schema object');
      }
      if ((holder as { strict?: unknown }).strict === true) {
        const issue = strictSchemaIssue(schema);
        if (issue) throw badRequest(`${format.json_schema ? `${path}.json_schema` : path}.${issue.at}`, `is invalid for strict structured outputs: ${issue.message}`);
      }
      return { type: 'json', schema: schema as JSONSchema7 };
    }
    default:
      throw badRequest(`${path}.type`, 'must be one of text, json_object, json_schema');
  }
}
