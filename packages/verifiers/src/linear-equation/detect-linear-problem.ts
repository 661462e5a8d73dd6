import { instructionWords } from './instruction-words';
import type Fraction from 'fraction.js';
import { collectVariables, type Expr } from './expression';
import { analyseText, relationLiterals, type Fragment, type ProseItem, type TextAnalysis } from './extract-equations';
import { problemNumbers } from './justified-numbers';
import type { LinearProblem, SolvingMethod } from './linear-problem';
import { equationFromSides, equationKey, naturalOrder, solveLinearSystem, type LinearEquation } from './linear-system';

/** Limits of what `detectLinearProblem` accepts. */
export interface DetectOptions {
  /** Most unknowns (and equations) in a system. */
  readonly maxUnknowns: number;
  /** Longest prompt, in characters, that is read at all. */
  readonly maxPromptLength: number;
}

/** Letters that are also English words ("a", "I"): read as variables only when the problem uses them. */
export const AMBIGUOUS_LETTERS = new Set(['a', 'A', 'I']);

/**
 * Requests that ask for something other than (or more than) the solution.
 * Matched against the prompt's prose (math removed), lower-cased.
 */
const OFF_TASK =
  /\b(?:whether|check|checks|verify|confirm|validate|true or false|how many|how much|number of solutions|graph\w*|plot|sketch|simplif\w*|factor\w*|expand|explain why|prove|proof|show that|justify|derivative|integral|differentiate|integrate|limit|slope|intercept|domain|range|inequalit\w*|decimals?|percent\w*|round\w*|nearest|approximat\w*|estimate|words|squared|cubed|square root|cube root|reciprocal|sum|difference|product|quotient|ratio|average|mean|twice|double|triple|half of|integers?|natural|positive|negative|whole number|prime|even|odd|in terms of|consistent|inconsistent|dependent|independent|infinite\w*|no solution|and then|also|additionally|as well as|in addition|afterwards|rewrite|convert|express|translate|code|program|python|function|formula|evaluate|calculator)\b/;

/** A clause after "then" that is not simply asking for the unknown. */
const THEN_CLAUSE = /\bthen\b(?!\s+(?:what|find|solve|determine)\b)/;

/** Auxiliary verbs that open a yes/no question ("Is x = 3 a solution …?"). */
const YES_NO_OPENERS = new Set(['is', 'are', 'does', 'do', 'did', 'was', 'were', 'has', 'have']);

/** "Check your answer" asks for a check step inside the solution, which is fine. */
const SELF_CHECK = /\b(?:double[- ]?)?(?:check|verify)\s+(?:your|the|my)\s+(?:answers?|solutions?|work|results?)\b/g;

const ASK_VERBS = new Set(['solve', 'find', 'determine', 'compute', 'calculate', 'work', 'what', "what's", 'whats', 'get']);
/** Words that end the object of "find …" ("find x if …"). */
const TARGET_STOPS = new Set([
  'if',
  'such',
  'so',
  'given',
  'when',
  'where',
  'that',
  'which',
  'satisfying',
  'satisfies',
  'in',
  'from',
  'using',
  'by',
  'with',
  'for',
  'to',
  'on',
  'step',
  'showing',
  'and',
]);
/** Words allowed in the object of "find …" besides the unknowns themselves. */
const TARGET_WORDS = new Set([
  'the',
  'an',
  'out',
  'is',
  'are',
  'value',
  'values',
  'of',
  'solution',
  'solutions',
  'unknown',
  'unknowns',
  'variable',
  'variables',
  'root',
  'roots',
  'set',
  'pair',
  'ordered',
  'answer',
  'result',
  'this',
  'these',
  'following',
  'equation',
  'equations',
  'system',
  'linear',
  'missing',
  'both',
  'each',
  'all',
  'exact',
  'exactly',
  'please',
]);
/** Words that may make up a prompt that is only equations ("2x + 3 = 7"). */
const BARE_PROMPT_WORDS = new Set(['please', 'equation', 'equations', 'system', 'the', 'following', 'this', 'these']);

function fragmentVariables(fragment: Fragment): string[] | undefined {
  const expr = fragment.expr;
  if (!expr) return undefined;
  if (expr.kind === 'var') return [expr.name];
  if (expr.kind === 'tuple' && expr.items.every((item) => item.kind === 'var')) {
    return expr.items.map((item) => (item as { name: string }).name);
  }
  return undefined;
}

interface Intent {
  readonly asked: string[];
  readonly method: SolvingMethod | undefined;
  readonly tupleOrder: string[] | undefined;
  readonly instruction: string[];
}

/**
 * Reads what the prompt asks, from its prose: it must ask to solve (or be
 * only equations), name no other task, and mention no math other than the
 * equations, plain numbers and the unknowns. Returns `undefined` when unsure.
 */
function readIntent(analysis: TextAnalysis, unknowns: readonly string[]): Intent | undefined {
  const known = new Set(unknowns);
  const isUnknown = (name: string) => known.has(name);
  // References to labelled equations ("equation (2)") play no part in what a prompt asks.
  const prose = analysis.prose.filter((item) => item.kind !== 'ref');
  // Words as text, math replaced by markers, for the phrase checks.
  const words = prose
    .map((item) => (item.kind === 'word' || item.kind === 'punct' ? item.text : item.kind === 'relation' ? 'EQ' : 'M'))
    .join(' ');
  const request = words.replace(SELF_CHECK, ' ');
  if (OFF_TASK.test(request) || THEN_CLAUSE.test(request)) return undefined;
  const sentences = request.split(/[.?!;:]/);
  for (const sentence of sentences) {
    const first = sentence.trim().split(/\s+/)[0];
    if (first !== undefined && YES_NO_OPENERS.has(first)) return undefined;
  }

  // Besides the equations, the prose may hold plain numbers and letters, but no other math.
  // A letter other than an unknown is refused in math delimiters; in prose it may be a label ("Q:").
  for (const fragment of analysis.fragments) {
    if (!fragment.expr) return undefined;
    const variables = fragmentVariables(fragment);
    if (variables) {
      if (fragment.math && variables.some((v) => !isUnknown(v))) return undefined;
    } else if (fragment.expr.kind !== 'num') {
      return undefined;
    }
  }

  const asked = new Set<string>();
  let asks = false;
  const fragmentAt = (item: ProseItem | undefined) =>
    item?.kind === 'fragment' ? analysis.fragments[item.index] : undefined;
  let foreignAsk = false;
  const collectNames = (from: number): void => {
    for (let k = from; k < prose.length; k += 1) {
      const item = prose[k] as ProseItem;
      const fragment = fragmentAt(item);
      if (fragment) {
        for (const name of fragmentVariables(fragment) ?? []) {
          if (isUnknown(name)) asked.add(name);
          else if (!AMBIGUOUS_LETTERS.has(name)) foreignAsk = true;
        }
      } else if (!(item.kind === 'word' && item.text === 'and') && !(item.kind === 'punct' && (item.text === ',' || item.text === ''))) {
        return;
      }
    }
  };

  for (let k = 0; k < prose.length; k += 1) {
    const item = prose[k] as ProseItem;
    if (item.kind !== 'word') continue;
    const next = prose[k + 1];
    if (item.text === 'for' || (item.text === 'of' && prose[k - 1]?.kind === 'word')) collectNames(k + 1);
    if (!ASK_VERBS.has(item.text)) continue;
    if (item.text === 'get' && !(next?.kind === 'word' && next.text === 'the')) continue;
    if (item.text === 'work' && !(next?.kind === 'word' && next.text === 'out')) continue;
    asks = true;
    if (item.text === 'solve') continue;
    // The object of find/determine/what is …: only the unknowns and generic words.
    for (let j = k + 1; j < prose.length; j += 1) {
      const target = prose[j] as ProseItem;
      if (target.kind === 'punct' && target.text === '') continue;
      // "Find p, q and r": a comma between names continues the list.
      if (target.kind === 'punct' && target.text === ',' && fragmentAt(prose[j + 1])) continue;
      if (target.kind === 'punct' || target.kind === 'relation' || target.kind === 'ref') break;
      if (target.kind === 'word') {
        if (TARGET_STOPS.has(target.text) && !(target.text === 'and' && fragmentAt(prose[j + 1]))) break;
        if (!TARGET_WORDS.has(target.text) && target.text !== 'and') return undefined;
        continue;
      }
      const fragment = analysis.fragments[target.index] as Fragment;
      const names = fragmentVariables(fragment);
      if (!names) return undefined;
      for (const name of names) {
        if (isUnknown(name)) asked.add(name);
        else if (!AMBIGUOUS_LETTERS.has(name)) return undefined;
      }
    }
  }
  if (foreignAsk) return undefined;
  if (!asks) {
    const bare = prose.every((item) => item.kind !== 'word' || BARE_PROMPT_WORDS.has(item.text));
    if (!bare) return undefined;
  }

  let method: SolvingMethod | undefined;
  if (/\bsubstitut\w*/.test(words)) method = 'substitution';
  else if (/\beliminat\w*|\baddition method\b/.test(words)) method = 'elimination';
  else if (/\b(?:cramer\w*|matrix|matrices|determinants?|gauss\w*|row reduc\w*|inverse)\b/.test(words)) method = 'matrix';

  let tupleOrder: string[] | undefined;
  const natural = [...unknowns].sort(naturalOrder);
  if (natural.every((name, i) => name === unknowns[i])) tupleOrder = natural;
  for (const fragment of analysis.fragments) {
    const names = fragmentVariables(fragment);
    if (names && names.length === unknowns.length && names.length > 1 && names.every(isUnknown)) {
      tupleOrder = names;
    }
  }

  return {
    asked: asked.size === 0 ? [...unknowns] : unknowns.filter((u) => asked.has(u)),
    method,
    tupleOrder,
    instruction: instructionWords(prose.filter((item) => item.kind === 'word').map((item) => item.text).join(' '), unknowns),
  };
}

/** "x = ?" asks for x: rewrite it as words so it is not read as a broken equation. */
const QUESTION_MARK_ASK = /(?<![A-Za-z\\])([A-Za-z](?:_?\{?\d+\}?)?)\s*=\s*\?/g;

/**
 * Reads a linear equation or square linear system from a prompt, with the
 * request's intent. Returns `undefined` (the request is then free text)
 * unless: the prompt asks to solve it and nothing more; every relation in it
 * is a linear equation; there are 1 to `maxUnknowns` unknowns and as many
 * distinct equations; and the solution is unique.
 */
export function detectLinearProblem(prompt: string, options: DetectOptions): LinearProblem | undefined {
  if (prompt.length > options.maxPromptLength) return undefined;
  const analysis = analyseText(prompt.replace(QUESTION_MARK_ASK, ' find $1 '));
  if (
    analysis.relations.length === 0 ||
    analysis.unreadable.length > 0 ||
    analysis.inequalities.length > 0 ||
    analysis.dangling > 0
  ) {
    return undefined;
  }

  const equations: LinearEquation[] = [];
  const equationTexts: string[] = [];
  const seen = new Set<string>();
  const order = new Set<string>();
  const literals: Fraction[] = [];
  for (const relation of analysis.relations) {
    const [left, right] = relation.sides as [Expr, Expr];
    if (relation.sides.length !== 2 || relation.ops[0] !== '=') return undefined;
    const eq = equationFromSides(left, right);
    if (!eq || eq.coefficients.size === 0) return undefined;
    for (const side of relation.sides) collectVariables(side, order);
    literals.push(...relationLiterals(relation));
    const key = equationKey(eq);
    if (seen.has(key)) continue;
    seen.add(key);
    equations.push(eq);
    equationTexts.push(relation.text);
  }
  const unknowns = [...order];
  if (unknowns.length > options.maxUnknowns || equations.length !== unknowns.length) return undefined;

  const solution = solveLinearSystem(equations, unknowns);
  if (!solution) return undefined;
  const intent = readIntent(analysis, unknowns);
  if (!intent) return undefined;

  return {
    unknowns,
    equations,
    equationTexts,
    asked: intent.asked,
    solution,
    tupleOrder: intent.tupleOrder,
    method: intent.method,
    instruction: intent.instruction,
    justifiedNumbers: problemNumbers(literals, equations, unknowns),
  };
}
