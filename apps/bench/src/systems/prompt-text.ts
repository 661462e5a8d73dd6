import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/** Text of the last user message of a prompt (what GPTCache keys on by default). */
export function lastUserText(prompt: LanguageModelV4Prompt): string {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i];
    if (message?.role !== 'user') continue;
    return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  }
  return '';
}
