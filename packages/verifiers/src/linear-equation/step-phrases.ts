import type Fraction from 'fraction.js';
import { collectVariables, type LinearForm } from './expression';
import type { Fragment, ProseItem, Relation, TextAnalysis } from './extract-equations';
import { addForms, formOf } from './linear-form';

/** Which equation a phrase acts on. */
export type EquationRef =
  /** `equation (2)`, `(2)`, `the new equation (2)` (the latest multiple of (2) the answer wrote). */
  | { readonly kind: 'label'; readonly label: number; readonly renewed: boolean }
  /** `the second equation`: the problem's equation at this zero-based index. */
  | { readonly kind: 'ordinal'; readonly index: number }
  /** An equation written in the phrase itself (`substitute y = 2 into x - y = 1`): a relation index of the text. */
  | { readonly kind: 'relation'; readonly index: number }
  /** No equation named: the one in hand (the last one written). */
  | { readonly kind: 'current' };

/** One operation on both sides of an equation. */
export interface SidesOperation {
  /** `move` is add or subtract, whichever the term's sign calls for. */
  readonly op: 'add' | 'subtract' | 'multiply' | 'divide' | 'move';
  readonly operand: LinearForm;
}

/** What a phrase of a step says it does. */
export type StepAction =
  /** "Subtract 3 from both sides", "divide by 2", "subtract x and 6 from both sides" (in order, when several follow each other). */
  | { readonly kind: 'sides'; readonly operations: readonly SidesOperation[]; readonly target: EquationRef }
  /** "Swap the two sides". */
  | { readonly kind: 'swap'; readonly target: EquationRef }
  /** "Add equations (1) and (2)", "subtract equation (1) from equation (2)". */
  | { readonly kind: 'combine'; readonly terms: readonly { readonly ref: EquationRef; readonly sign: 1 | -1 }[] }
  /** "Multiply equation (1) by 2 and equation (2) by 3". */
  | { readonly kind: 'scale'; readonly items: readonly { readonly ref: EquationRef; readonly factor: Fraction }[] }
  /** "Substitute x = 2 and y = 3 into equation (1)"; `this` is the expression just found (`x = 3y - 17`). */
  | {
      readonly kind: 'substitute';
      readonly values: readonly { readonly name: string; readonly value: LinearForm }[] | 'this';
      readonly target: EquationRef;
    }
  /** "From equation (1), express x in terms of y", "solve 2x - y = 6 for y". */
  | { readonly kind: 'rearrange'; readonly target: EquationRef }
  /** An operation word whose phrase is not read with certainty: what follows it is not judged. */
  | { readonly kind: 'unclear' };

/** A phrase of a step's prose: items `[start, end)` of `TextAnalysis.prose`. */
export interface StepPhrase {
  readonly start: number;
  readonly end: number;
  readonly action: StepAction;
}

/** What a step's prose says it does. */
export interface StepPlan {
  /** The operation phrases, in order. */
  readonly phrases: readonly StepPhrase[];
  /** Relations that belong to a phrase (the values and target of a substitution), not results. */
  readonly consumed: ReadonlySet<number>;
  /**
   * The prose before the step's first equation says it simplifies what came
   * before ("simplify", "combine like terms", "expand", "which gives", "so")
   * and names no operation and no equation.
   */
  readonly continues: boolean;
}

type Verb = 'add' | 'subtract' | 'take' | 'multiply' | 'divide' | 'move' | 'swap' | 'substitute' | 'rearrange';

const VERBS: ReadonlyMap<string, Verb> = new Map(Object.entries({
  add: 'add',
  adding: 'add',
  added: 'add',
  subtract: 'subtract',
  subtracting: 'subtract',
  subtracted: 'subtract',
  take: 'take',
  taking: 'take',
  multiply: 'multiply',
  multiplying: 'multiply',
  multiplied: 'multiply',
  divide: 'divide',
  dividing: 'divide',
  divided: 'divide',
  move: 'move',
  moving: 'move',
  bring: 'move',
  bringing: 'move',
  transpose: 'move',
  transposing: 'move',
  swap: 'swap',
  swapping: 'swap',
  substitute: 'substitute',
  substituting: 'substitute',
  substituted: 'substitute',
  plug: 'substitute',
  plugging: 'substitute',
  plugged: 'substitute',
  solve: 'rearrange',
  solving: 'rearrange',
  express: 'rearrange',
  expressing: 'rearrange',
  rearrange: 'rearrange',
  rearranging: 'rearrange',
  rewrite: 'rearrange',
  rewriting: 'rearrange',
  isolate: 'rearrange',
  isolating: 'rearrange',
}) as [string, Verb][]);

/** Verbs that only make a phrase when it reads completely; otherwise they are ordinary words. */
const WEAK_VERBS = new Set<Verb>(['take', 'rearrange']);

/** Words after "to" that start a purpose clause, not a destination ("add 3 to get …"). */
const PURPOSE = new Set([
  'get',
  'isolate',
  'obtain',
  'find',
  'make',
  'eliminate',
  'solve',
  'collect',
  'clear',
  'have',
  'simplify',
  'cancel',
  'keep',
  'leave',
  'remove',
  'combine',
]);

/** Words that say a line simplifies or follows from the one before. */
const CONTINUATION = new Set([
  'simplify',
  'simplifying',
  'simplified',
  'simplifies',
  'combine',
  'combining',
  'collect',
  'collecting',
  'distribute',
  'distributing',
  'expand',
  'expanding',
  'gives',
  'get',
  'becomes',
  'so',
  'thus',
  'hence',
  'therefore',
  'yields',
  'obtain',
]);

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 0],
  ['second', 1],
  ['third', 2],
  ['fourth', 3],
  ['fifth', 4],
  ['sixth', 5],
]);
const EQUATION_WORDS = new Set(['equation', 'equations', 'eq', 'eqn']);

class PhraseReader {
  private pos = 0;
  readonly consumed = new Set<number>();

  constructor(
    private readonly items: readonly ProseItem[],
    private readonly fragments: readonly Fragment[],
    private readonly relations: readonly Relation[],
  ) {}

  get position(): number {
    return this.pos;
  }

  seek(pos: number): void {
    this.pos = pos;
  }

  /** The next item, skipping the empty marks math delimiters leave. */
  private peek(offset = 0): ProseItem | undefined {
    let k = this.pos;
    let left = offset;
    for (;;) {
      while (k < this.items.length && this.isMark(this.items[k])) k += 1;
      if (left === 0 || k >= this.items.length) return this.items[k];
      k += 1;
      left -= 1;
    }
  }

  private isMark(item: ProseItem | undefined): boolean {
    return item?.kind === 'punct' && item.text === '';
  }

  private next(): ProseItem | undefined {
    while (this.pos < this.items.length && this.isMark(this.items[this.pos])) this.pos += 1;
    const item = this.items[this.pos];
    if (item) this.pos += 1;
    return item;
  }

  private word(offset = 0): string | undefined {
    const item = this.peek(offset);
    return item?.kind === 'word' ? item.text : undefined;
  }

  private accept(...words: string[]): boolean {
    const w = this.word();
    if (w !== undefined && words.includes(w)) {
      this.next();
      return true;
    }
    return false;
  }

  /** "both sides", "each side", "both sides of the equation" and the like. */
  private sides(): boolean {
    if ((this.word() === 'both' || this.word() === 'each') && (this.word(1) === 'side' || this.word(1) === 'sides')) {
      this.next();
      this.next();
      return true;
    }
    return false;
  }

  /** A linear operand: fragments joined by "and" or commas (`x and 6`). */
  private operand(): LinearForm | undefined {
    let sum: LinearForm | undefined;
    for (;;) {
      const item = this.peek();
      if (item?.kind !== 'fragment') return sum;
      const fragment = this.fragments[item.index] as Fragment;
      const form = fragment.expr && fragment.expr.kind !== 'tuple' ? formOf(fragment.expr) : undefined;
      if (!form) return undefined;
      this.next();
      sum = sum ? addForms(sum, form) : form;
      const joint = this.peek();
      const joins = (joint?.kind === 'word' && joint.text === 'and') || (joint?.kind === 'punct' && joint.text === ',');
      if (!joins || this.peek(1)?.kind !== 'fragment') return sum;
      this.next();
    }
  }

  /** A nonzero constant operand. */
  private constant(): Fraction | undefined {
    const form = this.operand();
    return form && form.coefficients.size === 0 && !form.constant.equals(0) ? form.constant : undefined;
  }

  /** Whether a reference to an equation may start here. */
  private refAhead(): boolean {
    const item = this.peek();
    if (item?.kind === 'ref') return true;
    const w = this.word();
    return w !== undefined && (w === 'the' || w === 'new' || EQUATION_WORDS.has(w) || ORDINALS.has(w));
  }

  /**
   * One equation reference, or several for an ordinal list ("the first and
   * third equations"); `relations` allows an equation written in place.
   */
  refs(relations: boolean): EquationRef[] | undefined {
    const start = this.pos;
    this.accept('the');
    const renewed = this.accept('new');
    if (this.word() !== undefined && EQUATION_WORDS.has(this.word() as string) && this.peek(1)?.kind === 'ref') this.next();
    const item = this.peek();
    if (item?.kind === 'ref') {
      this.next();
      return [{ kind: 'label', label: item.label, renewed }];
    }
    if (item?.kind === 'relation' && relations && !renewed) {
      this.next();
      this.consumed.add(item.index);
      return [{ kind: 'relation', index: item.index }];
    }
    if (!renewed) {
      const ordinals: number[] = [];
      for (let w = this.word(); w !== undefined && ORDINALS.has(w); w = this.word()) {
        this.next();
        ordinals.push(ORDINALS.get(w) as number);
        if (!this.accept('and') && !this.comma()) break;
      }
      if (ordinals.length > 0 && this.accept('equation', 'equations', 'eq', 'eqn')) {
        return ordinals.map((index) => ({ kind: 'ordinal', index }));
      }
    }
    this.pos = start;
    return undefined;
  }

  private comma(): boolean {
    const item = this.peek();
    if (item?.kind === 'punct' && item.text === ',') {
      this.next();
      return true;
    }
    return false;
  }

  private ref(relations: boolean): EquationRef | undefined {
    const list = this.refs(relations);
    return list?.length === 1 ? list[0] : undefined;
  }

  /** "of the equation", "of equation (1)", "of 2x + 3 = 7" after "both sides". */
  private sidesTarget(): EquationRef | undefined {
    if (!this.accept('of')) return { kind: 'current' };
    const start = this.pos;
    if (this.accept('the') && this.accept('equation')) {
      const next = this.peek();
      if (next?.kind === 'relation') return this.ref(true);
      if (next?.kind !== 'ref') return { kind: 'current' };
    }
    this.pos = start;
    return this.ref(true);
  }

  /** Reads the phrase of `verb` (just consumed); `undefined` when it does not read with certainty. */
  read(verb: Verb): StepAction | undefined {
    switch (verb) {
      case 'add':
      case 'subtract':
      case 'take':
      case 'move':
        return this.addOrSubtract(verb);
      case 'multiply':
      case 'divide':
        return this.multiplyOrDivide(verb);
      case 'swap':
        return this.accept('the') && this.accept('two') && this.accept('sides') ? { kind: 'swap', target: { kind: 'current' } } : this.swapShort();
      case 'substitute':
        return this.substitute();
      case 'rearrange': {
        const target = this.ref(true);
        return target && target.kind !== 'current' ? { kind: 'rearrange', target } : undefined;
      }
    }
  }

  private swapShort(): StepAction | undefined {
    return this.accept('sides') ? { kind: 'swap', target: { kind: 'current' } } : undefined;
  }

  private addOrSubtract(verb: 'add' | 'subtract' | 'take' | 'move'): StepAction | undefined {
    if ((verb === 'add' || verb === 'subtract') && this.refAhead()) return this.combine(verb);
    const operand = this.operand();
    if (!operand) return undefined;
    if (verb === 'take') this.accept('away');
    let target: EquationRef | undefined = { kind: 'current' };
    const w = this.word();
    if (w === 'from' || w === 'to') {
      const purpose = w === 'to' && PURPOSE.has(this.word(1) ?? '');
      if (!purpose) {
        this.next();
        if (this.sides()) target = this.sidesTarget();
        else if (verb !== 'move' || !this.sideName()) return undefined;
      }
    } else if (verb === 'move' && this.accept('across')) {
      // "move 3 across"
    } else if (verb === 'take') return undefined;
    if (!target) return undefined;
    const op = verb === 'take' ? 'subtract' : verb;
    const operations: SidesOperation[] = [{ op, operand }];
    // "Bring 2x to the left and -6 to the right": more moves with the verb left out.
    while (op === 'move' && this.word() === 'and') {
      const at = this.pos;
      this.next();
      const more = this.operand();
      if (more && this.destination()) {
        operations.push({ op: 'move', operand: more });
      } else {
        this.seek(at);
        break;
      }
    }
    if (this.word() === 'or') return undefined;
    return { kind: 'sides', operations, target };
  }

  /** "to the right (hand) side", "to the left", "to the other side", "across". */
  private destination(): boolean {
    return this.accept('across') || (this.accept('to') && this.sideName());
  }

  /** "the right (hand) side", "the left", "the other side". */
  private sideName(): boolean {
    if (!this.accept('the') || !this.accept('right', 'left', 'other')) return false;
    this.accept('side', 'hand');
    this.accept('side');
    return true;
  }

  private multiplyOrDivide(verb: 'multiply' | 'divide'): StepAction | undefined {
    if (this.refAhead()) {
      const start = this.pos;
      const scaled = this.scale(verb);
      if (scaled) return scaled;
      this.pos = start;
    }
    let target: EquationRef | undefined = { kind: 'current' };
    if (this.sides()) target = this.sidesTarget();
    else this.accept('through');
    if (!target || !this.accept('by')) return undefined;
    const factor = this.constant();
    if (!factor || this.word() === 'or') return undefined;
    return { kind: 'sides', operations: [{ op: verb, operand: { coefficients: new Map(), constant: factor } }], target };
  }

  private scale(verb: 'multiply' | 'divide'): StepAction | undefined {
    const items: { ref: EquationRef; factor: Fraction }[] = [];
    for (;;) {
      let ref = this.ref(false);
      if (!ref && items.length > 0) {
        // "… and the second by 3"
        const start = this.pos;
        this.accept('the');
        const w = this.word();
        if (w !== undefined && ORDINALS.has(w)) {
          this.next();
          ref = { kind: 'ordinal', index: ORDINALS.get(w) as number };
        } else this.pos = start;
      }
      if (!ref || !this.accept('by')) return undefined;
      const factor = this.constant();
      if (!factor) return undefined;
      items.push({ ref, factor: verb === 'divide' ? factor.inverse() : factor });
      const start = this.pos;
      if ((this.accept('and') || this.comma()) && this.refAhead()) continue;
      this.pos = start;
      return this.word() === 'or' ? undefined : { kind: 'scale', items };
    }
  }

  private combine(verb: 'add' | 'subtract'): StepAction | undefined {
    const first = this.refs(false);
    if (!first) return undefined;
    if (verb === 'add') {
      if (first.length >= 2) return { kind: 'combine', terms: first.map((ref) => ({ ref, sign: 1 as const })) };
      if (!this.accept('and', 'to')) return undefined;
      const second = this.ref(false);
      if (!second) return undefined;
      return { kind: 'combine', terms: [{ ref: first[0] as EquationRef, sign: 1 }, { ref: second, sign: 1 }] };
    }
    if (first.length !== 1 || !this.accept('from')) return undefined;
    const from = this.ref(false);
    if (!from) return undefined;
    return { kind: 'combine', terms: [{ ref: from, sign: 1 }, { ref: first[0] as EquationRef, sign: -1 }] };
  }

  private substitute(): StepAction | undefined {
    let values: { name: string; value: LinearForm }[] | 'this' | undefined;
    if (this.accept('this', 'that', 'it')) {
      this.accept('expression', 'value', 'result');
      values = 'this';
    } else {
      const list: { name: string; value: LinearForm }[] = [];
      const used: number[] = [];
      for (;;) {
        const item = this.peek();
        if (item?.kind === 'relation') {
          const value = assignment(this.relations[item.index] as Relation);
          if (!value) return undefined;
          this.next();
          used.push(item.index);
          list.push(value);
        } else if (item?.kind === 'fragment') {
          // "substitute 2 for x"
          const fragment = this.fragments[item.index] as Fragment;
          const form = fragment.expr && formOf(fragment.expr);
          const named = this.peek(2);
          const variable = named?.kind === 'fragment' ? this.fragments[named.index]?.expr : undefined;
          if (!form || this.word(1) !== 'for' || variable?.kind !== 'var') return undefined;
          this.next();
          this.next();
          this.next();
          list.push({ name: variable.name, value: form });
        } else break;
        if (!this.accept('and')) this.comma();
      }
      if (list.length === 0) return undefined;
      for (const index of used) this.consumed.add(index);
      values = list;
    }
    this.accept('back');
    if (!this.accept('into', 'in')) return undefined;
    const target = this.ref(true);
    if (!target) return undefined;
    return { kind: 'substitute', values, target };
  }
}

/** `x = 3y - 17` as the value of x (the right side may not contain x); chains give their last side. */
function assignment(relation: Relation): { name: string; value: LinearForm } | undefined {
  const first = relation.sides[0];
  const last = relation.sides[relation.sides.length - 1];
  if (first?.kind !== 'var' || !last || relation.ops.includes('≈')) return undefined;
  const value = formOf(last);
  if (!value || collectVariables(last, new Set()).has(first.name)) return undefined;
  return { name: first.name, value };
}

const plans = new WeakMap<TextAnalysis, StepPlan>();

/**
 * Reads what a step's prose says it does: each operation phrase ("subtract 3
 * from both sides", "multiply equation (1) by 2", "substitute x = 2 into
 * equation (1)", "add equations (1) and (2)", "swap the two sides"), with the
 * equation it acts on when the prose names one. A phrase that does not read
 * completely and unambiguously (an unknown operand, "subtract 3 or add -3",
 * "divide by the coefficient of x") is `unclear`: what follows it is not
 * judged. An operation word after "to" is a purpose ("… to isolate x"), not
 * an operation. Memoised per analysis.
 */
export function readStepPlan(analysis: TextAnalysis): StepPlan {
  let plan = plans.get(analysis);
  if (plan) return plan;
  const items = analysis.prose;
  const reader = new PhraseReader(items, analysis.fragments, analysis.relations);
  const phrases: StepPhrase[] = [];
  for (let k = 0; k < items.length; k += 1) {
    const item = items[k] as ProseItem;
    const rearrangeFrom = item.kind === 'word' && item.text === 'from' ? readFromPhrase(reader, k, items) : undefined;
    if (rearrangeFrom) {
      phrases.push(rearrangeFrom);
      k = rearrangeFrom.end - 1;
      continue;
    }
    const verb = item.kind === 'word' ? VERBS.get(item.text) : undefined;
    if (verb === undefined) continue;
    const before = items[k - 1];
    if (before?.kind === 'word' && before.text === 'to') continue;
    reader.seek(k + 1);
    // "Subtract 3 or add -3": alternatives are not one operation.
    const alternative = before?.kind === 'word' && before.text === 'or';
    const action = alternative ? undefined : reader.read(verb);
    if (!action && WEAK_VERBS.has(verb)) continue;
    const end = action ? reader.position : k + 1;
    const phrase: StepPhrase = { start: k, end, action: action ?? { kind: 'unclear' } };
    const previous = phrases[phrases.length - 1];
    const adjacent = previous !== undefined && !items.slice(previous.end, k).some((between) => between.kind === 'relation');
    // "Move -7 to the right by adding 7": the phrase after "by" says how the one before is done,
    // not a second operation. Kept when both read as operations on the sides, else neither is judged.
    if (adjacent && before?.kind === 'word' && before.text === 'by') {
      const same = previous.action.kind === 'sides' && phrase.action.kind === 'sides';
      phrases[phrases.length - 1] = { start: previous.start, end, action: same ? phrase.action : { kind: 'unclear' } };
      k = end - 1;
      continue;
    }
    // "Subtract 2x from both sides and add 6": one composite operation when no equation comes between.
    if (
      previous?.action.kind === 'sides' &&
      phrase.action.kind === 'sides' &&
      phrase.action.target.kind === 'current' &&
      !items.slice(previous.end, k).some((between) => between.kind === 'relation')
    ) {
      phrases[phrases.length - 1] = {
        start: previous.start,
        end,
        action: { ...previous.action, operations: [...previous.action.operations, ...phrase.action.operations] },
      };
    } else {
      phrases.push(phrase);
    }
    k = end - 1;
  }
  const firstRelation = items.findIndex((item) => item.kind === 'relation' && !reader.consumed.has(item.index));
  const lead = items.slice(0, firstRelation === -1 ? items.length : firstRelation);
  const continues =
    lead.some((item) => item.kind === 'word' && CONTINUATION.has(item.text)) &&
    !lead.some((item) => item.kind === 'ref' || (item.kind === 'word' && EQUATION_WORDS.has(item.text))) &&
    !phrases.some((phrase) => firstRelation === -1 || phrase.start < firstRelation);
  plan = { phrases, consumed: reader.consumed, continues };
  plans.set(analysis, plan);
  return plan;
}

/**
 * "From equation (1), express x in terms of y", "from the second equation, x = …": a
 * rearrangement of the named equation, when a rearranging verb or an equation follows.
 */
function readFromPhrase(reader: PhraseReader, at: number, items: readonly ProseItem[]): StepPhrase | undefined {
  reader.seek(at + 1);
  const target = reader.refs(false);
  if (target?.length !== 1) return undefined;
  const end = reader.position;
  let k = end;
  while (items[k]?.kind === 'punct' && ((items[k] as { text: string }).text === '' || (items[k] as { text: string }).text === ',')) k += 1;
  const next = items[k];
  const follows = next?.kind === 'relation' || (next?.kind === 'word' && VERBS.get(next.text) === 'rearrange');
  return follows ? { start: at, end, action: { kind: 'rearrange', target: target[0] as EquationRef } } : undefined;
}
