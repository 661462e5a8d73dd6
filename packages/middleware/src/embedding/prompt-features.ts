/**
 * How much each kind of feature counts in {@link localEmbedder}'s vectors
 * (before unit normalisation; a feature seen `n` times counts
 * `weight * (1 + ln n)`). Chosen so that, for the perturbations StepCache
 * serves, the *structure* of a request dominates and its *constants* only
 * break ties:
 *
 * - `shape` (1.5): a whole run of math tokens with numbers replaced by
 *   `<num>`, one-letter identifiers by `<var>`, `+`/`-` by `±`, and unary
 *   signs dropped (a sign is part of a constant): "2x + 3 = 7",
 *   "5y - 1 = 9" and "-5y - 1 = -9" all give `<num><var>±<num>=<num>`.
 * - `shapeTrigram` (0.5): three consecutive tokens of such a run (with the
 *   real `+` or `-`), for partial credit when two equations share most of
 *   their form.
 * - `equationCount` (1.0): the number of `=` signs, so a 2-equation system
 *   is far from a single equation.
 * - `word` (1.0): a lower-cased word of two or more letters; `stopWord`
 *   (0.25) for the filler words in `STOP_WORDS`.
 * - `ask` (1.0): an instruction verb (solve, find, compute, return, ...)
 *   seen as the class `<ask>`; the verb itself counts only `askWord` (0.5),
 *   so rewording the instruction costs little.
 * - `bigram` (0.5): two consecutive tokens of the shape stream where at least
 *   one is a word ("solve <num>", "for <var>"), for word order.
 * - `operator` (0.25): each operator on its own.
 * - `number` / `variable` (0.35): the raw constants and identifier names, so
 *   among variants of one problem the one sharing more constants ranks
 *   higher, without outweighing the structure.
 */
export const LOCAL_EMBEDDER_WEIGHTS = Object.freeze({
  shape: 1.5,
  shapeTrigram: 0.5,
  equationCount: 1,
  word: 1,
  stopWord: 0.25,
  ask: 1,
  askWord: 0.5,
  bigram: 0.5,
  operator: 0.25,
  number: 0.35,
  variable: 0.35,
});

/** Filler words that carry little of a request's meaning; they count `stopWord`. */
const STOP_WORDS = new Set(
  'a an the of for to in on at by from with and or is are be as that this it its if then than please what which when where how into we you your me my'.split(
    ' ',
  ),
);

/** Instruction verbs, all mapped to the class `<ask>` in the shape stream. */
const ASK_WORDS = new Set(
  'solve find compute calculate determine evaluate work figure get return give produce generate output create write make list extract provide show'.split(
    ' ',
  ),
);

/** Tokens after which `+` or `-` is a sign, not an operation. */
const UNARY_AFTER = new Set(['=', '(', '*', '/', '^', '<', '>', '≤', '≥', '≠']);
const isSign = (token: Token): boolean => token.text === '+' || token.text === '-';
const OPERATORS = new Set(['=', '+', '-', '*', '/', '^', '<', '>', '≤', '≥', '≠', '(', ')', '%']);
const TOKEN = /\p{L}+|\d+(?:[.,]\d+)*|[^\s\p{L}\d]/gu;
const LETTERS = /^\p{L}/u;
const DIGITS = /^\d/;

type TokenKind = 'word' | 'var' | 'num' | 'op' | 'punct';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** The token in the shape stream: `<num>`, `<var>`, `<ask>`, the operator, or the word. */
  readonly shape: string;
}

/** A weighted bag of features: feature → [weight, occurrences]. */
export type FeatureBag = Map<string, [weight: number, count: number]>;

/**
 * The features {@link localEmbedder} hashes for one text, each with its
 * weight and number of occurrences; see {@link LOCAL_EMBEDDER_WEIGHTS}.
 * Text is NFKC-normalised and lower-cased first; Unicode minus, times and
 * division signs become `-`, `*` and `/`.
 */
export function promptFeatures(text: string): FeatureBag {
  const tokens = tokenize(text);
  const bag: FeatureBag = new Map();
  const add = (feature: string, weight: number): void => {
    const seen = bag.get(feature);
    if (seen === undefined) bag.set(feature, [weight, 1]);
    else seen[1]++;
  };
  const w = LOCAL_EMBEDDER_WEIGHTS;

  let equals = 0;
  let run: Token[] = [];
  const closeRun = (): void => {
    // A unary sign belongs to its constant: "-14 = 3x + 8" has the shape of "38 = 3x + 8".
    const math = run.filter((t, i) => !(isSign(t) && (i === 0 || UNARY_AFTER.has(run[i - 1]!.text))));
    if (math.length >= 2) {
      add(`s|${math.map((t) => (isSign(t) ? '±' : t.shape)).join('')}`, w.shape);
      for (let i = 0; i + 2 < math.length; i++) add(`t|${math[i]!.shape}${math[i + 1]!.shape}${math[i + 2]!.shape}`, w.shapeTrigram);
    }
    run = [];
  };

  let previous: Token | undefined;
  for (const token of tokens) {
    switch (token.kind) {
      case 'word':
        if (token.shape === '<ask>') {
          add(`w|${token.text}`, w.askWord);
          add('w|<ask>', w.ask);
        } else {
          add(`w|${token.text}`, STOP_WORDS.has(token.text) ? w.stopWord : w.word);
        }
        break;
      case 'var':
        add(`v|${token.text}`, w.variable);
        break;
      case 'num':
        add(`n|${token.text}`, w.number);
        break;
      case 'op':
        add(`o|${token.text}`, w.operator);
        if (token.text === '=') equals++;
        break;
      case 'punct':
        break;
    }
    if (token.kind === 'var' || token.kind === 'num' || token.kind === 'op') run.push(token);
    else closeRun();

    if (token.kind === 'punct') {
      previous = undefined;
      continue;
    }
    if (previous !== undefined && (previous.kind === 'word' || token.kind === 'word')) {
      add(`b|${previous.shape} ${token.shape}`, w.bigram);
    }
    previous = token;
  }
  closeRun();
  if (equals > 0) add(`e|${equals}`, w.equationCount);
  return bag;
}

function tokenize(text: string): Token[] {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/−/g, '-').replace(/[×·]/g, '*').replace(/÷/g, '/');
  const raw = normalised.match(TOKEN) ?? [];
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!;
    if (DIGITS.test(text)) {
      tokens.push({ kind: 'num', text, shape: '<num>' });
    } else if (LETTERS.test(text)) {
      if (isVariable(text, raw[i + 1])) tokens.push({ kind: 'var', text, shape: '<var>' });
      else tokens.push({ kind: 'word', text, shape: ASK_WORDS.has(text) ? '<ask>' : text });
    } else if (OPERATORS.has(text)) {
      tokens.push({ kind: 'op', text, shape: text });
    } else {
      tokens.push({ kind: 'punct', text, shape: text });
    }
  }
  return tokens;
}

/**
 * A one-letter token is a math identifier, except "a" and "i" used as words
 * (followed by a word: "find a number", "i need").
 */
function isVariable(token: string, next: string | undefined): boolean {
  if (token.length !== 1) return false;
  if (token !== 'a' && token !== 'i') return true;
  return next === undefined || !(LETTERS.test(next) && next.length >= 2);
}
