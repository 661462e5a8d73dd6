import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { SimMessage } from '../engine/sim-request';

/** Reduces an AI SDK prompt to role + text messages (files and reasoning are ignored). */
export function fromLanguageModelPrompt(prompt: LanguageModelV4Prompt): SimMessage[] {
  const messages: SimMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', text: message.content });
        break;
      case 'user':
        messages.push({
          role: 'user',
          text: message.content.map((part) => (part.type === 'text' ? part.text : '')).join(''),
        });
        break;
      case 'assistant':
        messages.push({
          role: 'assistant',
          text: message.content.map((part) => (part.type === 'text' ? part.text : '')).join(''),
        });
        break;
      case 'tool':
        messages.push({
          role: 'tool',
          text: message.content
            .map((part) => (part.type === 'tool-result' ? JSON.stringify(part.output) : ''))
            .join('\n'),
        });
        break;
    }
  }
  return messages;
}
