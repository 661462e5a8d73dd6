import { badRequest } from './http-io';

type Body = Record<string, unknown>;

/** A required non-empty string field. */
export function requireString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw badRequest(field, 'must be a non-empty string');
  return value;
}

/** An optional finite number field (null counts as absent). */
export function optionalNumber(body: Body, field: string, path = field): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(path, 'must be a number');
  return value;
}

/** An optional non-negative integer field (token limits). */
export function optionalCount(body: Body, field: string, path = field): number | undefined {
  const value = optionalNumber(body, field, path);
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw badRequest(path, 'must be a non-negative integer');
  return value;
}

/** An optional boolean field. */
export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(field, 'must be a boolean');
  return value;
}

/** An optional object field. */
export function optionalObject(body: Body, field: string, path = field): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(path, 'must be an object');
  return value as Body;
}

/** Optional stop sequences: a string or an array of strings. */
export function optionalStops(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value as string[];
  throw badRequest(path, 'must be a string or an array of strings');
}

/** The text of a message `content`: a string, or an array of `{ type, text }` parts. */
export function contentText(content: unknown, path: string): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (Array.isArray(content)) {
    return content
      .map((part, i) => {
        if (typeof part === 'string') return part;
        if (typeof part !== 'object' || part === null) throw badRequest(`${path}[${i}]`, 'must be a content part object');
        const text = (part as { text?: unknown }).text;
        if (text === undefined) return '';
        if (typeof text !== 'string') throw badRequest(`${path}[${i}].text`, 'must be a string');
        return text;
      })
      .join('');
  }
  throw badRequest(path, 'must be a string or an array of content parts');
}
