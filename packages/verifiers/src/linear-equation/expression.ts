import Fraction from 'fraction.js';

/**
 * A parsed math expression. Numbers are exact rationals (`0.25` is 1/4), so
 * checks never depend on floating-point rounding.
 */
export type Expr =
  | {
      readonly kind: 'num';
      readonly value: Fraction;
      /** Digits after the decimal point as written (0 for integers). */
      readonly decimals: number;
      /** Written with a trailing `...`: a truncated decimal. */
      readonly truncated: boolean;
    }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'add' | 'sub' | 'mul' | 'div' | 'pow'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'func'; readonly name: string; readonly arg: Expr }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] };

/** `Σ coefficients[v]·v + constant`. */
export interface LinearForm {
  readonly coefficients: ReadonlyMap<string, Fraction>;
  readonly constant: Fraction;
}

/** Largest integer exponent evaluated; beyond it a power is treated as unreadable. */
const MAX_EXPONENT = 64;

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

/** Exact value of `expr` with `values` for its variables; `undefined` when undefined (÷0, unknown symbol, function). */
export function evaluate(expr: Expr, values: ReadonlyMap<string, Fraction>): Fraction | undefined {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'var':
      return values.get(expr.name);
    case 'neg': {
      const arg = evaluate(expr.arg, values);
      return arg?.neg();
    }
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'pow': {
      const left = evaluate(expr.left, values);
      const right = evaluate(expr.right, values);
      if (left === undefined || right === undefined) return undefined;
      if (expr.kind === 'add') return left.add(right);
      if (expr.kind === 'sub') return left.sub(right);
      if (expr.kind === 'mul') return left.mul(right);
      if (expr.kind === 'div') return right.equals(ZERO) ? undefined : left.div(right);
      return power(left, right);
    }
    default:
      return undefined;
  }
}

function power(base: Fraction, exponent: Fraction): Fraction | undefined {
  if (exponent.d !== 1n || exponent.n > BigInt(MAX_EXPONENT)) return undefined;
  if (base.equals(ZERO) && exponent.s < 0n && exponent.n !== 0n) return undefined;
  return base.pow(exponent);
}

function scale(form: LinearForm, factor: Fraction): LinearForm {
  const coefficients = new Map<string, Fraction>();
  for (const [name, c] of form.coefficients) {
    const scaled = c.mul(factor);
    if (!scaled.equals(ZERO)) coefficients.set(name, scaled);
  }
  return { coefficients, constant: form.constant.mul(factor) };
}

function combine(a: LinearForm, b: LinearForm, sign: 1 | -1): LinearForm {
  const coefficients = new Map(a.coefficients);
  for (const [name, c] of b.coefficients) {
    const sum = (coefficients.get(name) ?? ZERO).add(sign === 1 ? c : c.neg());
    if (sum.equals(ZERO)) coefficients.delete(name);
    else coefficients.set(name, sum);
  }
  return { coefficients, constant: sign === 1 ? a.constant.add(b.constant) : a.constant.sub(b.constant) };
}

/**
 * The expression as a linear form, or `undefined` when it is not linear in
 * its variables (a product of unknowns, an unknown in a denominator or a
 * power, a function, a tuple).
 */
export function linearise(expr: Expr): LinearForm | undefined {
  switch (expr.kind) {
    case 'num':
      return { coefficients: new Map(), constant: expr.value };
    case 'var':
      return { coefficients: new Map([[expr.name, ONE]]), constant: ZERO };
    case 'neg': {
      const arg = linearise(expr.arg);
      return arg && scale(arg, ONE.neg());
    }
    case 'add':
    case 'sub': {
      const left = linearise(expr.left);
      const right = linearise(expr.right);
      return left && right && combine(left, right, expr.kind === 'add' ? 1 : -1);
    }
    case 'mul': {
      const left = linearise(expr.left);
      const right = linearise(expr.right);
      if (!left || !right) return undefined;
      if (left.coefficients.size === 0) return scale(right, left.constant);
      if (right.coefficients.size === 0) return scale(left, right.constant);
      return undefined;
    }
    case 'div': {
      const left = linearise(expr.left);
      const right = linearise(expr.right);
      if (!left || !right || right.coefficients.size > 0 || right.constant.equals(ZERO)) return undefined;
      return scale(left, right.constant.inverse());
    }
    case 'pow': {
      const base = linearise(expr.left);
      const exponent = linearise(expr.right);
      if (!base || !exponent || exponent.coefficients.size > 0) return undefined;
      if (base.coefficients.size === 0) {
        const value = power(base.constant, exponent.constant);
        return value && { coefficients: new Map(), constant: value };
      }
      if (exponent.constant.equals(ONE)) return base;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Adds the names of the variables in `expr` to `into`. */
export function collectVariables(expr: Expr, into: Set<string>): Set<string> {
  switch (expr.kind) {
    case 'var':
      into.add(expr.name);
      break;
    case 'num':
      break;
    case 'neg':
    case 'func':
      collectVariables(expr.arg, into);
      break;
    case 'tuple':
      for (const item of expr.items) collectVariables(item, into);
      break;
    default:
      collectVariables(expr.left, into);
      collectVariables(expr.right, into);
  }
  return into;
}

/** Adds the number literals of `expr` (as written, without sign) to `into`. */
export function collectLiterals(expr: Expr, into: Fraction[]): Fraction[] {
  switch (expr.kind) {
    case 'num':
      into.push(expr.value);
      break;
    case 'var':
      break;
    case 'neg':
    case 'func':
      collectLiterals(expr.arg, into);
      break;
    case 'tuple':
      for (const item of expr.items) collectLiterals(item, into);
      break;
    default:
      collectLiterals(expr.left, into);
      collectLiterals(expr.right, into);
  }
  return into;
}

/** The number a bare literal (optionally negated) stands for, with its written precision. */
export function asLiteral(expr: Expr): { value: Fraction; decimals: number; truncated: boolean } | undefined {
  if (expr.kind === 'num') return expr;
  if (expr.kind === 'neg' && expr.arg.kind === 'num') return { ...expr.arg, value: expr.arg.value.neg() };
  return undefined;
}

const PRECEDENCE: Readonly<Record<Expr['kind'], number>> = {
  add: 1,
  sub: 1,
  mul: 2,
  div: 2,
  neg: 3,
  pow: 4,
  num: 5,
  var: 5,
  func: 5,
  tuple: 5,
};

/** Writes `expr` back as plain math (`2*x + 3`), for messages. */
export function formatExpr(expr: Expr): string {
  const wrap = (child: Expr, min: number) => {
    const text = formatExpr(child);
    return PRECEDENCE[child.kind] < min ? `(${text})` : text;
  };
  switch (expr.kind) {
    case 'num':
      return expr.decimals > 0 || expr.value.d === 1n ? expr.value.toString(expr.decimals) : expr.value.toFraction();
    case 'var':
      return expr.name;
    case 'neg':
      return `-${wrap(expr.arg, 3)}`;
    case 'add':
      return `${formatExpr(expr.left)} + ${wrap(expr.right, 1)}`;
    case 'sub':
      return `${formatExpr(expr.left)} - ${wrap(expr.right, 2)}`;
    case 'mul': {
      // `2x` and `3(x - 2)`: juxtapose when the right factor starts with a letter or a bracket.
      const implicit = expr.right.kind === 'var' || expr.right.kind === 'tuple' || PRECEDENCE[expr.right.kind] < 3;
      return implicit
        ? `${wrap(expr.left, 2)}${wrap(expr.right, 3)}`
        : `${wrap(expr.left, 2)}*${wrap(expr.right, 3)}`;
    }
    case 'div':
      return `${wrap(expr.left, 2)}/${wrap(expr.right, 3)}`;
    case 'pow':
      return `${wrap(expr.left, 5)}^${wrap(expr.right, 5)}`;
    case 'func':
      return `${expr.name}(${formatExpr(expr.arg)})`;
    case 'tuple':
      return `(${expr.items.map(formatExpr).join(', ')})`;
  }
}
