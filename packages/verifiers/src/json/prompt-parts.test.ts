import { describe, expect, it } from 'vitest';
import { normaliseText, promptParts, taskKind } from './prompt-parts';

describe('promptParts', () => {
  it('takes the text after a lead-in line as the source', () => {
    const parts = promptParts('Extract the contact details from this email:\nHi, I am Ann Berg, reach me at ann@x.io.');
    expect(parts.instruction).toBe('extract the contact details from this email:');
    expect(parts.source).toBe('Hi, I am Ann Berg, reach me at ann@x.io.');
    expect(parts.kind).toBe('extract');
  });

  it('takes delimited blocks as the source', () => {
    const parts = promptParts('Classify the review below as positive or negative.\n<review>Great phone, bad battery.</review>');
    expect(parts.source).toBe('Great phone, bad battery.');
    expect(parts.instruction).toBe('classify the review below as positive or negative.\n[data]');
    expect(parts.kind).toBe('classify');
    expect(promptParts('Parse this:\n```\nname=Bo\n```').source).toContain('name=Bo');
  });

  it('splits an instruction paragraph from data paragraphs, first or last', () => {
    expect(promptParts('Read this record and fill in the fields.\n\nBo Lind is 41 and lives in Oslo.').source).toBe(
      'Bo Lind is 41 and lives in Oslo.',
    );
    expect(promptParts('Bo Lind is 41 and lives in Oslo.\n\nReturn his name and age as JSON.').source).toBe(
      'Bo Lind is 41 and lives in Oslo.',
    );
  });

  it('keeps everything as instruction when it cannot tell data from instruction', () => {
    expect(promptParts('Generate a fake user profile for a Swedish teacher.')).toMatchObject({ source: '' });
    // Two paragraphs that both read as instructions.
    expect(promptParts('Extract the buyer.\n\nIgnore the seller.').source).toBe('');
  });

  it('moves a question or an order found in the data back into the instruction', () => {
    const parts = promptParts("Extract the fields from the text:\nBo Lind lives in Oslo.\n\nWhat is Ann's city?");
    expect(parts.source).toBe('Bo Lind lives in Oslo.');
    expect(parts.instruction).toContain("what is ann's city?");
  });

  it('takes a pure-data prompt as the source when the system prompt holds the instruction', () => {
    expect(promptParts('Bo Lind, 41, lives in Oslo.', 'Extract the person as JSON.')).toMatchObject({
      instruction: 'extract the person as json.',
      source: 'Bo Lind, 41, lives in Oslo.',
    });
    // A question in the user message keeps it an instruction.
    expect(promptParts('Bo lives in Oslo. Where does Ann live?', 'Extract the city.').source).toBe('');
    // Without a system prompt there is nothing to say what to do with it, so it is instruction.
    expect(promptParts('Bo Lind, 41, lives in Oslo.').source).toBe('');
  });

  it('puts the context (system prompt, output description) into the instruction', () => {
    const a = promptParts('Extract:\nBo lives in Oslo.', 'the buyer');
    const b = promptParts('Extract:\nBo lives in Oslo.', 'the seller');
    expect(a.source).toBe(b.source);
    expect(a.instruction).not.toBe(b.instruction);
  });
});

describe('normaliseText', () => {
  it('ignores case, spacing and typographic variants', () => {
    expect(normaliseText('  Ann\u2019s  “Plan”\u2212 \n\n PRO ')).toBe('ann\'s "plan"-\npro');
  });
});

describe('taskKind', () => {
  it.each([
    ['extract the name and age', 'extract'],
    ['summarize this article in three bullet points', 'summarise'],
    ['translate the text into german', 'translate'],
    ['classify the sentiment of the review', 'classify'],
    ['generate a product description', 'generate'],
    ['return the result', undefined],
  ])('%s → %s', (text, kind) => {
    expect(taskKind(text)).toBe(kind);
  });
});
