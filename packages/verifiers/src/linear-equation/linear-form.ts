import Fraction from 'fraction.js';
import { linearise, type Expr, type LinearForm } from './expression';
import { naturalOrder } from './linear-system';

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

const forms = new WeakMap<Expr, LinearForm | null>();

/** The expression as a linear polynomial (memoised per parsed expression), or `undefined` when it is not linear. */
export function formOf(expr: Expr): LinearForm | undefined {
  let form = forms.get(expr);
  if (form === undefined) {
    form = linearise(expr) ?? null;
    forms.set(expr, form);
  }
  return form ?? undefined;
}

/** A constant as a linear form. */
export function constantForm(value: Fraction): LinearForm {
  return { coefficients: new Map(), constant: value };
}

/** `a + factor·b`. */
export function addForms(a: LinearForm, b: LinearForm, factor: Fraction = ONE): LinearForm {
  const coefficients = new Map(a.coefficients);
  for (const [name, c] of b.coefficients) {
    const sum = (coefficients.get(name) ?? ZERO).add(c.mul(factor));
    if (sum.equals(ZERO)) coefficients.delete(name);
    else coefficients.set(name, sum);
  }
  return { coefficients, constant: a.constant.add(b.constant.mul(factor)) };
}

/** `factor·a`. */
export function scaleForm(a: LinearForm, factor: Fraction): LinearForm {
  return addForms(constantForm(ZERO), a, factor);
}

/** Whether two forms are the same polynomial. */
export function formsEqual(a: LinearForm, b: LinearForm): boolean {
  if (!a.constant.equals(b.constant) || a.coefficients.size !== b.coefficients.size) return false;
  for (const [name, c] of a.coefficients) if (!b.coefficients.get(name)?.equals(c)) return false;
  return true;
}

/** Whether the form is the zero polynomial. */
export function isZeroForm(a: LinearForm): boolean {
  return a.coefficients.size === 0 && a.constant.equals(ZERO);
}

/** The `k` with `b = k·a`, or `undefined` when `b` is not a multiple of `a` (or `a` is zero). */
export function ratioOf(a: LinearForm, b: LinearForm): Fraction | undefined {
  let k: Fraction | undefined;
  const pairs: [Fraction, Fraction][] = [[a.constant, b.constant]];
  const names = new Set([...a.coefficients.keys(), ...b.coefficients.keys()]);
  for (const name of names) pairs.push([a.coefficients.get(name) ?? ZERO, b.coefficients.get(name) ?? ZERO]);
  for (const [x, y] of pairs) {
    if (x.equals(ZERO)) {
      if (!y.equals(ZERO)) return undefined;
      continue;
    }
    const ratio = y.div(x);
    if (k === undefined) k = ratio;
    else if (!k.equals(ratio)) return undefined;
  }
  return k;
}

/** The form with each variable of `values` replaced by its value (a constant or another form). */
export function substituteForm(form: LinearForm, values: ReadonlyMap<string, LinearForm>): LinearForm {
  let out: LinearForm = constantForm(form.constant);
  for (const [name, c] of form.coefficients) {
    const value = values.get(name);
    out = addForms(out, value ?? { coefficients: new Map([[name, ONE]]), constant: ZERO }, c);
  }
  return out;
}

/** Whether every coefficient and the constant are integers. */
export function isIntegralForm(a: LinearForm): boolean {
  return a.constant.d === 1n && [...a.coefficients.values()].every((c) => c.d === 1n);
}

/** `2x - y + 3`, variables in natural order, for messages. */
export function formatForm(a: LinearForm): string {
  let text = '';
  const names = [...a.coefficients.keys()].sort(naturalOrder);
  for (const name of names) {
    const c = a.coefficients.get(name) as Fraction;
    const magnitude = c.abs();
    const body = magnitude.equals(ONE) ? name : magnitude.d === 1n ? `${magnitude.toFraction()}${name}` : `(${magnitude.toFraction()})${name}`;
    text += text === '' ? (c.s < 0n ? `-${body}` : body) : c.s < 0n ? ` - ${body}` : ` + ${body}`;
  }
  if (text === '') return a.constant.toFraction();
  if (!a.constant.equals(ZERO)) text += a.constant.s < 0n ? ` - ${a.constant.abs().toFraction()}` : ` + ${a.constant.toFraction()}`;
  return text;
}
