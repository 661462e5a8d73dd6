import type { CacheEntry } from './cache-entry';

/**
 * Fixed cost of one entry beyond its strings, vector and links: the entry and
 * record objects, their map and set slots, the typed-array header. Chosen so
 * that the estimate meets the memory-store benchmark's measured heap growth
 * (2016 B/entry measured vs 2027 estimated at 100k entries of 256
 * dimensions; below that the index's doubling capacity adds up to ~15 %).
 */
const ENTRY_OVERHEAD_BYTES = 400;

/**
 * Estimated memory of one stored entry, in bytes: 2 per UTF-16 code unit of
 * every string (id, partition, prompt key, task, prompt, system prompt,
 * response schema as JSON, answer), 4 per embedding dimension,
 * `indexBytesPerEntry` for the nearest-neighbour links, plus a fixed
 * overhead. An estimate for enforcing `maxBytes`, not an exact heap figure;
 * the benchmark reports how close it is.
 */
export function estimateEntryBytes(entry: CacheEntry, indexBytesPerEntry: number): number {
  const { input } = entry;
  const schema = input.responseFormat.type === 'json' ? input.responseFormat.schema : undefined;
  const characters =
    entry.id.length +
    entry.partition.length +
    entry.promptKey.length +
    entry.task.length +
    entry.answer.length +
    input.prompt.length +
    (input.system?.length ?? 0) +
    (schema === undefined ? 0 : JSON.stringify(schema).length);
  return ENTRY_OVERHEAD_BYTES + 2 * characters + 4 * entry.embedding.length + indexBytesPerEntry;
}
