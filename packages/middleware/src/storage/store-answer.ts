import type { ResolvedOptions } from '../options/resolve-options';
import { withTimeout } from '../retrieval/with-timeout';
import type { PreparedRequest } from '../request/prepare-request';
import type { CacheEntry } from '../store/cache-entry';

/**
 * Stores a verified answer. Callers only pass answers that passed
 * verification and ended with finish reason `stop`. Returns whether the
 * entry was written; failures and timeouts are reported, never thrown.
 */
export async function storeAnswer(
  options: ResolvedOptions,
  prepared: PreparedRequest,
  record: { promptKey: string; embedding: Float32Array | undefined; answer: string },
): Promise<boolean> {
  if (record.embedding === undefined || record.answer.trim() === '') return false;
  const entry: CacheEntry = {
    id: crypto.randomUUID(),
    partition: prepared.partition,
    promptKey: record.promptKey,
    task: prepared.classification.task,
    input: prepared.request.input,
    answer: record.answer,
    embedding: record.embedding,
    createdAt: Date.now(),
  };
  try {
    await withTimeout(options.store.put(entry), options.timeoutMs, 'store write');
    options.emit({ type: 'store', task: entry.task, entryId: entry.id });
    return true;
  } catch (error) {
    options.emit({ type: 'error', stage: 'store', error });
    return false;
  }
}
