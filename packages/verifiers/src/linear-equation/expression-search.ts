import Fraction from 'fraction.js';
import type { Atom } from './problem-pair';

/** A new value for a number of a cached step, with the expression it was derived by. */
export interface Candidate {
  /** The value in the new problem. */
  readonly value: Fraction;
  /** The expression over atoms, e.g. `w1`, `-x`, `w0*w2`, `(w3-w1)/2`, or `=` for "unchanged". */
  readonly label: string;
}

/** Exact key of a rational (sign included). */
export function fractionKey(value: Fraction): string {
  return `${value.s < 0n ? '-' : ''}${value.n}/${value.d}`;
}

/** Small integers that may appear in a derivation without coming from the problem (`2·a`, `a/2`, `a + 1`). */
const SMALL_MAX = 10;
const SMALL: readonly Entry[] = Array.from({ length: SMALL_MAX }, (_, i) => ({
  atom: { label: String(i + 1), old: new Fraction(i + 1), next: new Fraction(i + 1) },
  old: i + 1,
  ratio: [i + 1, 1] as const,
  next: i + 1,
}));

type Op = '+' | '-' | '*' | '/';
const OPS: readonly Op[] = ['+', '-', '*', '/'];

function apply(op: Op, a: Fraction, b: Fraction): Fraction | undefined {
  if (op === '+') return a.add(b);
  if (op === '-') return a.sub(b);
  if (op === '*') return a.mul(b);
  return b.equals(0) ? undefined : a.div(b);
}

function applyFloat(op: Op, a: number, b: number): number {
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  return a / b;
}

/** The `b` with `a op b = target`, in floating point (a lookup key only; matches are confirmed exactly). */
function rightOperand(op: Op, a: number, target: number): number {
  if (op === '+') return target - a;
  if (op === '-') return a - target;
  if (op === '*') return target / a;
  return a / target;
}

/** The `b` with `b op a = target`, in floating point. */
function leftOperand(op: Op, a: number, target: number): number {
  if (op === '+') return target - a;
  if (op === '-') return target + a;
  if (op === '*') return target / a;
  return target * a;
}

/**
 * A lookup key for a value computed in floating point: rounded to 2⁻²⁰, which
 * absorbs rounding error; every match is then confirmed with exact
 * rationals, so a key never decides anything on its own (a value that lands
 * on a rounding boundary only loses a candidate).
 */
function floatKey(value: number): number | undefined {
  if (!Number.isFinite(value) || Math.abs(value) > 1e9) return undefined;
  return Math.round(value * 1048576);
}

function toFloat(value: Fraction): number {
  return (value.s < 0n ? -1 : 1) * (Number(value.n) / Number(value.d));
}

/** An atom with its old value as a float (for lookups) and as a ratio of safe integers (for exact checks). */
interface Entry {
  readonly atom: Atom;
  readonly old: number;
  /** Signed numerator and denominator of the old value, or `undefined` beyond safe integers. */
  readonly ratio: readonly [number, number] | undefined;
  /** The new value as a float, to skip duplicates before exact arithmetic. */
  readonly next: number;
}

function ratioOf(value: Fraction): readonly [number, number] | undefined {
  const n = Number(value.n);
  const d = Number(value.d);
  return Number.isSafeInteger(n) && Number.isSafeInteger(d) ? [value.s < 0n ? -n : n, d] : undefined;
}

function entryOf(atom: Atom): Entry {
  return { atom, old: toFloat(atom.old), ratio: ratioOf(atom.old), next: toFloat(atom.next) };
}

const safe = (...values: number[]) => values.every((v) => Number.isSafeInteger(v));

/**
 * Whether `a op b` equals `t` exactly, with integer arithmetic when it stays
 * in safe integers (the common case), otherwise with rationals.
 */
function exactly(op: Op, a: Entry, b: Entry | readonly [number, number], t: readonly [number, number] | undefined, target: Fraction): boolean {
  const br = Array.isArray(b) ? (b as readonly [number, number]) : (b as Entry).ratio;
  if (a.ratio && br && t) {
    const [an, ad] = a.ratio;
    const [bn, bd] = br;
    const [tn, td] = t;
    let left: number;
    let right: number;
    if (op === '+' || op === '-') {
      left = (an * bd + (op === '+' ? bn : -bn) * ad) * td;
      right = tn * ad * bd;
      if (safe(an * bd, bn * ad, left, right)) return left === right;
    } else if (op === '*') {
      left = an * bn * td;
      right = tn * ad * bd;
      if (safe(an * bn, left, right)) return left === right;
    } else {
      if (bn === 0) return false;
      left = an * bd * td;
      right = tn * ad * bn;
      if (safe(an * bd, left, right)) return left === right;
    }
  }
  const other = Array.isArray(b) ? new Fraction((b as readonly [number, number])[0], (b as readonly [number, number])[1]) : (b as Entry).atom.old;
  return apply(op, a.atom.old, other)?.equals(target) === true;
}

interface Combination {
  readonly a: Entry;
  readonly op: Op;
  readonly b: Entry;
}

const tables = new WeakMap<readonly Atom[], ReadonlyMap<number, readonly Combination[]>>();

/** Every `a op b` over the first `limit` atoms, keyed by its old value (memoised per atom list). */
function pairTable(entries: readonly Entry[], atoms: readonly Atom[], limit: number): ReadonlyMap<number, readonly Combination[]> {
  const hit = tables.get(atoms);
  if (hit) return hit;
  const table = new Map<number, Combination[]>();
  const base = entries.slice(0, limit);
  for (const a of base) {
    for (const b of base) {
      for (const op of OPS) {
        if (a === b && (op === '-' || op === '/')) continue;
        const key = floatKey(applyFloat(op, a.old, b.old));
        if (key === undefined) continue;
        const list = table.get(key);
        const entry = { a, op, b };
        if (list) list.push(entry);
        else table.set(key, [entry]);
      }
    }
  }
  tables.set(atoms, table);
  return table;
}

/** Most context atoms searched (the newest). */
const MAX_CONTEXT = 40;

/** Most problem atoms that enter the two-operation table (it grows with the square). */
const TABLE_ATOMS = 24;

/**
 * Derives new values for the numbers of a cached step: finds expressions
 * over the aligned atoms that give a number's old value, and evaluates them
 * on the new values. Searched in this order, so simpler derivations come
 * first and ties go to the atom met most recently in the answer, then to
 * the problem's atoms in their order of preference:
 *
 * 1. an atom with that value (context atoms — numbers of the answer already
 *    re-derived, newest first — before the problem's);
 * 2. its negation or reciprocal;
 * 3. `a op b` over two atoms (`+ − × ÷`);
 * 4. `a op k` or `k op a` with a small integer k from 1 to 10;
 * 5. `(p op q) op c` with p, q among the problem's first atoms and c any atom or small integer;
 * 6. the old value itself, unchanged.
 *
 * Exact rational arithmetic throughout. At most `limit` distinct new values
 * are returned (the unchanged value always last).
 */
export class DerivationSearch {
  private readonly context: Entry[] = [];
  private readonly problem: readonly Entry[];
  private readonly index = new Map<number, Entry[]>();
  private readonly table: ReadonlyMap<number, readonly Combination[]>;

  /** @param atoms - the problem pair's atoms, in order of preference. */
  constructor(atoms: readonly Atom[]) {
    this.problem = atoms.map(entryOf);
    this.table = pairTable(this.problem, atoms, TABLE_ATOMS);
    for (const entry of this.problem) this.indexEntry(entry, false);
  }

  private indexEntry(entry: Entry, front: boolean): void {
    const key = floatKey(entry.old);
    if (key === undefined) return;
    const list = this.index.get(key);
    if (!list) this.index.set(key, [entry]);
    else if (front) list.unshift(entry);
    else list.push(entry);
  }

  /**
   * Records a number of the answer as re-derived (old → new), preferred over
   * older context; remembering a known pair again makes it the newest.
   */
  remember(label: string, old: Fraction, next: Fraction, kind?: 'coefficient' | 'constant'): void {
    if (old.equals(0)) return;
    const at = this.context.findIndex((e) => e.atom.old.equals(old) && e.atom.next.equals(next) && e.atom.kind === kind);
    if (at !== -1) {
      const [known] = this.context.splice(at, 1) as [Entry];
      this.context.unshift(known);
      const list = this.index.get(floatKey(known.old) ?? Number.NaN);
      if (list) {
        list.splice(list.indexOf(known), 1);
        list.unshift(known);
      }
      return;
    }
    const atom: Atom = kind === undefined ? { label, old, next } : { label, old, next, kind };
    const entry = entryOf(atom);
    this.context.unshift(entry);
    this.indexEntry(entry, true);
  }

  /** The old values of every atom, newest context first (for matching rounded decimals). */
  knownValues(): Fraction[] {
    return [...this.context, ...this.problem].map((e) => e.atom.old);
  }

  /**
   * Candidate new values for a number whose value in the cached step is
   * `target`. With `kind`, atoms of that kind come first among equally
   * simple ones (a coefficient in `2x` prefers coefficients).
   */
  candidates(target: Fraction, limit = 6, kind?: 'coefficient' | 'constant'): Candidate[] {
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const push = (value: Fraction | undefined, label: string): boolean => {
      if (value === undefined) return out.length >= limit;
      const key = fractionKey(value);
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ value, label });
      }
      return out.length >= limit;
    };
    const unchanged = { value: target, label: '=' };
    if (target.equals(0)) return [unchanged];
    const done = () => {
      if (!seen.has(fractionKey(target))) out.push(unchanged);
      return out;
    };
    const t = toFloat(target);
    const all = [...this.context.slice(0, MAX_CONTEXT), ...this.problem];
    const lookup = (value: number): readonly Entry[] => {
      const key = floatKey(value);
      return key === undefined ? [] : (this.index.get(key) ?? []);
    };
    const byKind = (entries: readonly Entry[], exact: Fraction): readonly Entry[] => {
      const matching = entries.filter((e) => e.atom.old.equals(exact));
      if (kind === undefined) return matching;
      return [...matching.filter((e) => e.atom.kind === kind), ...matching.filter((e) => e.atom.kind !== kind)];
    };

    for (const e of byKind(lookup(t), target)) if (push(e.atom.next, e.atom.label)) return done();
    for (const e of byKind(lookup(-t), target.neg())) if (push(e.atom.next.neg(), `-${e.atom.label}`)) return done();
    for (const e of byKind(lookup(1 / t), target.inverse())) {
      if (!e.atom.next.equals(0) && push(e.atom.next.inverse(), `1/${e.atom.label}`)) return done();
    }
    const tr = ratioOf(target);
    const seenFloat = new Set<number>();
    // Skips a value already offered (by its float) before any exact arithmetic on new values.
    const fresh = (value: number) => {
      const key = floatKey(value);
      if (key === undefined || seenFloat.has(key)) return false;
      seenFloat.add(key);
      return true;
    };
    for (const c of out) fresh(toFloat(c.value));
    for (const a of all) {
      for (const op of OPS) {
        for (const b of lookup(rightOperand(op, a.old, t))) {
          if (b === a && (op === '-' || op === '/')) continue;
          if (!exactly(op, a, b, tr, target) || !fresh(applyFloat(op, a.next, b.next))) continue;
          if (push(apply(op, a.atom.next, b.atom.next), `${a.atom.label}${op}${b.atom.label}`)) return done();
        }
      }
    }
    const small = (value: number): number | undefined => {
      const n = Math.round(value);
      return n >= 1 && n <= SMALL_MAX && Math.abs(value - n) < 1e-9 ? n : undefined;
    };
    for (const a of all) {
      for (const op of OPS) {
        const k = small(rightOperand(op, a.old, t));
        if (k && exactly(op, a, [k, 1], tr, target) && fresh(applyFloat(op, a.next, k))) {
          if (push(apply(op, a.atom.next, new Fraction(k)), `${a.atom.label}${op}${k}`)) return done();
        }
        if (op === '+' || op === '*') continue;
        const j = small(leftOperand(op, a.old, t));
        if (j && apply(op, new Fraction(j), a.atom.old)?.equals(target) && fresh(applyFloat(op, j, a.next))) {
          if (push(apply(op, new Fraction(j), a.atom.next), `${j}${op}${a.atom.label}`)) return done();
        }
      }
    }
    const withSmall: Entry[] = [...all, ...SMALL];
    const combined = (c: Combination, which: 'old' | 'next') => apply(c.op, c.a.atom[which], c.b.atom[which]);
    const label = (c: Combination) => `(${c.a.atom.label}${c.op}${c.b.atom.label})`;
    for (const c of withSmall) {
      for (const op of OPS) {
        for (const combo of this.table.get(floatKey(leftOperand(op, c.old, t)) ?? Number.NaN) ?? []) {
          const old = combined(combo, 'old');
          if (!old || !apply(op, old, c.atom.old)?.equals(target)) continue;
          if (!fresh(applyFloat(op, applyFloat(combo.op, combo.a.next, combo.b.next), c.next))) continue;
          const next = combined(combo, 'next');
          if (next && push(apply(op, next, c.atom.next), `${label(combo)}${op}${c.atom.label}`)) return done();
        }
        if (op === '-' || op === '/') {
          for (const combo of this.table.get(floatKey(rightOperand(op, c.old, t)) ?? Number.NaN) ?? []) {
            const old = combined(combo, 'old');
            if (!old || !apply(op, c.atom.old, old)?.equals(target)) continue;
            if (!fresh(applyFloat(op, c.next, applyFloat(combo.op, combo.a.next, combo.b.next)))) continue;
            const next = combined(combo, 'next');
            if (next && push(apply(op, c.atom.next, next), `${c.atom.label}${op}${label(combo)}`)) return done();
          }
        }
      }
    }
    return done();
  }
}
