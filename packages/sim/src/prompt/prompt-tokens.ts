import type { SimMessage } from '../engine/sim-request';
import { countTokens } from '../tokenizer/tokenizer';

/** Template tokens a chat format spends per message (role markers, separators). */
export const TOKENS_PER_MESSAGE = 4;

/** Simulated prompt tokens: every message's text plus {@link TOKENS_PER_MESSAGE} each. */
export function countPromptTokens(messages: readonly SimMessage[]): number {
  let total = 0;
  for (const message of messages) total += countTokens(message.text) + TOKENS_PER_MESSAGE;
  return total;
}
