/** A labelled fact found in source text: "Age: 34", "her email is a@b.c". */
export interface Fact {
  /** The label, as lower-case words. */
  label: string[];
  /** The value as written. */
  value: string;
}

const LABELLED = /^\s*(?:[-*•]\s*)?([A-Za-z][A-Za-z0-9 _'()/-]{0,40}?)\s*[:=]\s*(.+?)\s*$/;
const RELATIONAL =
  /\b(?:my|his|her|their|its|the|our|your)\s+([a-z][a-z -]{1,40}?)\s+(?:is|are|was|were|includes?|equals)\s+(?:set to\s+)?([^.;\n]+?)(?=\s*(?:[.;\n]|,\s*(?:and|but|while|so)\b|$))/gi;

/** Lower-case words of a label. */
export function labelWords(label: string): string[] {
  return label
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

/** Finds `Label: value` lines/segments and `the <label> is <value>` phrases. */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const line of text.split('\n')) {
    const segments = line.split(/\s*[;|]\s*|,\s*(?=[A-Za-z][A-Za-z ]{0,30}:\s)/);
    for (const segment of segments) {
      const m = LABELLED.exec(segment);
      if (!m) continue;
      const value = (m[2] ?? '').replace(/[.,]$/, '').trim();
      if (value === '' || value.startsWith('//')) continue;
      facts.push({ label: labelWords(m[1] ?? ''), value });
    }
  }
  for (const m of text.matchAll(RELATIONAL)) {
    facts.push({ label: labelWords(m[1] ?? ''), value: (m[2] ?? '').trim() });
  }
  return facts;
}
