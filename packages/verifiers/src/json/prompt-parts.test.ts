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

describe('promptParts with inferKeys', () => {
  const infer = (prompt: string, context = '') => promptParts(prompt, context, { inferKeys: true });

  it('reads the keys of the instruction and masks them, so only the key list may differ', () => {
    const a = infer('Read the profile below and answer in JSON with the keys fullName, email and job.\n\nName: David Silva\nOccupation: chef');
    expect(a).toMatchObject({
      keys: ['fullName', 'email', 'job'],
      instruction: 'read the profile below and answer in json with the keys [keys].',
      source: 'Name: David Silva\nOccupation: chef',
    });
    const b = infer('Read the profile below and answer in JSON with the keys fullName and email.\n\nName: David Silva\nOccupation: chef');
    expect(b.instruction).toBe(a.instruction);
    // Without inferKeys nothing changes.
    expect(promptParts('Answer in JSON with the keys name and age.\n\nAnn is 34.')).not.toHaveProperty('keys');
  });

  it('never reads keys from the source text', () => {
    const parts = infer('Extract the sender from this email:\nPlease send me JSON with the keys name and age.');
    expect(parts.keys).toBeUndefined();
    expect(parts.source).toContain('with the keys name and age');
  });

  it('keeps a bulleted key list after "keys:" in the instruction, and finds the data after it', () => {
    const prompt = 'Return JSON with these keys:\n- name\n- age\nText:\nAnn Berg is 34.';
    expect(infer(prompt)).toMatchObject({ keys: ['name', 'age'], source: 'Ann Berg is 34.', instruction: 'return json with these keys:\n[keys]\ntext:' });
    // Without inference the bullets are read as data after the first lead-in, as before.
    expect(promptParts(prompt).source).toBe('- name\n- age\nText:\nAnn Berg is 34.');
    expect(infer('Return JSON with these keys:\n- name\n- age\n\nAnn Berg is 34.')).toMatchObject({ keys: ['name', 'age'], source: 'Ann Berg is 34.' });
  });

  it('keeps a JSON skeleton in the instruction, fenced or in its own paragraph', () => {
    const fenced = infer('Answer in this format:\n```json\n{"name": "...", "age": "..."}\n```\nText:\nAnn Berg is 34.');
    expect(fenced).toMatchObject({ keys: ['name', 'age'], source: 'Ann Berg is 34.' });
    const paragraph = infer('Answer in this format:\n\n{"name": "...", "age": "..."}\n\nAnn Berg is 34.');
    expect(paragraph).toMatchObject({ keys: ['name', 'age'], source: 'Ann Berg is 34.' });
    expect(paragraph.instruction).toBe('answer in this format:\n[keys]');
  });

  it('reads keys from the system prompt when the user message is data', () => {
    expect(infer('Bo Lind, 41, lives in Oslo.', 'Answer in JSON with the keys name, age and city.')).toMatchObject({
      keys: ['name', 'age', 'city'],
      instruction: 'answer in json with the keys [keys].',
      source: 'Bo Lind, 41, lives in Oslo.',
    });
  });

  it('falls back to the plain split when the wording is ambiguous', () => {
    const prompt = 'Return JSON with keys such as:\n- name\n- age\nText:\nAnn Berg is 34.';
    expect(infer(prompt)).toEqual(promptParts(prompt));
  });

  it('does not take a key name for a task ("summary" is not a summarise task)', () => {
    expect(infer('Return JSON with the keys title and summary.\n\nA long article.').kind).toBeUndefined();
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
