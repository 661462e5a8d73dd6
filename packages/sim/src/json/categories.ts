/** Kinds of facts the extractor has dedicated patterns for. */
export type Category =
  | 'email'
  | 'phone'
  | 'url'
  | 'age'
  | 'first-name'
  | 'last-name'
  | 'name'
  | 'city'
  | 'country'
  | 'company'
  | 'occupation'
  | 'date'
  | 'money';

const CATEGORY_WORDS: ReadonlyArray<readonly [Category, readonly string[]]> = [
  ['email', ['email', 'mail']],
  ['phone', ['phone', 'telephone', 'tel', 'mobile', 'cell']],
  ['url', ['url', 'website', 'homepage', 'site', 'link', 'web']],
  ['age', ['age']],
  ['city', ['city', 'town', 'hometown', 'location']],
  ['country', ['country', 'nation', 'nationality']],
  ['company', ['company', 'employer', 'organization', 'organisation', 'firm', 'workplace']],
  ['occupation', ['occupation', 'job', 'role', 'profession', 'title', 'position']],
  ['date', ['date', 'birthday', 'dob', 'born', 'birthdate']],
  ['money', ['price', 'cost', 'amount', 'total', 'salary', 'income', 'fee', 'budget', 'revenue', 'wage']],
];

/** The category of a key or label given as words (`['email', 'address']` → `email`), if any. */
export function categoryOf(words: readonly string[]): Category | null {
  if (words.includes('name') || words.includes('fullname')) {
    if (words.some((w) => w === 'first' || w === 'given' || w === 'forename')) return 'first-name';
    if (words.some((w) => w === 'last' || w === 'family' || w === 'surname')) return 'last-name';
    // "company name", "city name" belong to those categories.
    const other = categoryOf(words.filter((w) => w !== 'name' && w !== 'fullname'));
    return other ?? 'name';
  }
  if (words.includes('surname')) return 'last-name';
  // A bare "Customer:" / "Client:" label introduces the person's name.
  if (words.length === 1 && ['customer', 'client', 'person', 'patient', 'employee'].includes(words[0] as string)) return 'name';
  for (const [category, list] of CATEGORY_WORDS) if (words.some((w) => list.includes(w))) return category;
  return null;
}
