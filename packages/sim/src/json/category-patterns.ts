import type { Category } from './categories';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const PROPER = "[A-Z][a-zA-Z'’-]+";
const PROPER_RUN = `${PROPER}(?:[ \\t]+${PROPER}){0,2}`;
const NOT_NAMES = new Set([
  'the', 'this', 'that', 'these', 'please', 'extract', 'return', 'text', 'here', 'customer', 'profile', 'record',
  'note', 'notes', 'contact', 'dear', 'hello', 'hi', 'json', 'source', 'output', 'input', 'user', 'given', 'from',
  'she', 'he', 'they', 'we', 'our', 'her', 'his', 'their', 'it', 'its', 'email', 'phone', 'name', 'age', 'city',
  ...MONTHS,
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date written as ISO, `March 5, 2024` or `5 March 2024`, as `YYYY-MM-DD`. */
export function findDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return iso[0];
  const mdy = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i').exec(text);
  if (mdy) return `${mdy[3]}-${pad(MONTHS.indexOf((mdy[1] ?? '').toLowerCase()) + 1)}-${pad(Number(mdy[2]))}`;
  const dmy = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`, 'i').exec(text);
  if (dmy) return `${dmy[3]}-${pad(MONTHS.indexOf((dmy[2] ?? '').toLowerCase()) + 1)}-${pad(Number(dmy[1]))}`;
  return null;
}

/** A person's name: after "named"/"called"/a title, or the first run of capitalised words that is not a place or a stop word. */
export function findName(text: string): string | null {
  const cue = new RegExp(`\\b(?:named|called|name is|I am|I'm|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?)\\s+(${PROPER_RUN})`).exec(text);
  if (cue) return cue[1] ?? null;
  const run = new RegExp(`(^|[^A-Za-z])(${PROPER}(?:[ \\t]+${PROPER}){1,2})`, 'g');
  for (const m of text.matchAll(run)) {
    const words = (m[2] ?? '').split(/\s+/);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + (m[1] ?? '').length);
    if (/\b(in|at|from|for|to|with|by|of)\s*$/i.test(before)) continue;
    const kept = words.filter((w) => !NOT_NAMES.has(w.toLowerCase()));
    if (kept.length >= 2) return kept.join(' ');
  }
  return null;
}

/** Text for a category by its dedicated patterns, or null. */
export function findByCategory(category: Category, text: string): string | null {
  const first = (re: RegExp, group = 1) => {
    const m = re.exec(text);
    return m ? (m[group] ?? null) : null;
  };
  switch (category) {
    case 'email':
      return first(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/, 0);
    case 'phone':
      return first(/(\+?\d[\d\s().-]{6,}\d)/);
    case 'url':
      return first(/(https?:\/\/[^\s,;)]+|www\.[^\s,;)]+)/);
    case 'age':
      return (
        first(/\b(\d{1,3})[- ]years?[- ]old\b/i) ??
        first(/\baged?\s+(?:of\s+)?(\d{1,3})\b/i) ??
        first(/\b(\d{1,3})\s+years\s+of\s+age\b/i)
      );
    case 'name':
      return findName(text);
    case 'first-name':
      return findName(text)?.split(/\s+/)[0] ?? null;
    case 'last-name': {
      const parts = findName(text)?.split(/\s+/) ?? [];
      return parts.length > 1 ? (parts[parts.length - 1] ?? null) : null;
    }
    case 'city':
      return (
        first(new RegExp(`\\b(?:[Ll]ives|[Ll]iving|[Ll]ive|[Bb]ased|[Ll]ocated|[Rr]esides|[Rr]esiding|[Mm]oved|[Rr]elocated|[Bb]orn|[Ss]tays|[Ss]taying)\\s+in\\s+(${PROPER}(?: ${PROPER})?)`)) ??
        first(new RegExp(`\\b(?:from|in)\\s+(${PROPER}(?: ${PROPER})?)(?=,\\s*${PROPER}|\\s*[.;]|\\s+and\\b|$)`))
      );
    case 'country':
      return (
        first(new RegExp(`\\bin\\s+${PROPER}(?: ${PROPER})?,\\s*(${PROPER}(?: ${PROPER})?)`)) ??
        first(new RegExp(`\\b(?:country|from|citizen of|nationality)\\s+(?:is\\s+)?(${PROPER}(?: ${PROPER})?)`))
      );
    case 'company':
      return first(
        new RegExp(`\\b(?:[Ww]orks?|[Ww]orking|[Ww]orked|[Ee]mployed|[Jj]ob|[Pp]osition|[Rr]ole)\\s+(?:\\w+\\s+){0,2}?(?:at|for|by|with)\\s+(${PROPER}(?:[ \\t]+(?:&[ \\t]+)?${PROPER}){0,3})`),
      );
    case 'occupation':
      return (
        first(/\b[Ww]orks?\s+as\s+(?:an?\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2}?)(?=\s+(?:at|for|in|and|with|from)\b|[.,;]|$)/) ??
        first(/\bis\s+an?\s+(?:\d{1,3}[- ]years?[- ]old\s+)?([a-z][a-z-]*(?: [a-z][a-z-]*)?)(?=\s+(?:at|for|from|in|who|based|living|with)\b|\s*[.,;]|$)/)
      );
    case 'date':
      return findDate(text);
    case 'money':
      return first(/\$\s?(\d[\d,]*(?:\.\d+)?)/) ?? first(/\b(\d[\d,]*(?:\.\d+)?)\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b/i);
  }
}
