import type { Expr } from './expression';
import { normaliseMathText } from './normalise-math';
import { tokenizeMath, type Token } from './tokenize-math';

/**
 * Recursive-descent parser for one side of an equation, over tokens from
 * {@link tokenizeMath}. Grammar (usual precedence, `^` binds tightest and is
 * right-associative):
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary | implicit)*
 *   unary   := ('+' | '-') unary | power
 *   power   := primary ('^' unary)?
 *   primary := number | variable | '(' sum (',' sum)* ')' | func '(' sum ')'
 *
 * Implicit multiplication (`2x`, `3(x+1)`, `(x+1)(x-1)`, `xy`) is a product at
 * the same precedence as `*` and `/`, read left to right, so `1/2x` is
 * (1/2)·x — how models and people write halves. Two juxtaposed numbers
 * (`2 3`) or a number after a variable (`x 2`) are not read as a product: they
 * make the expression unreadable.
 */
class Parser {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expr | undefined {
    const expr = this.sum();
    return expr && this.pos === this.tokens.length ? expr : undefined;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'op' && t.text === text;
  }

  private sum(): Expr | undefined {
    let left = this.product();
    while (left && (this.isOp('+') || this.isOp('-'))) {
      const kind = this.isOp('+') ? 'add' : 'sub';
      this.pos += 1;
      const right = this.product();
      if (!right) return undefined;
      left = { kind, left, right };
    }
    return left;
  }

  private product(): Expr | undefined {
    let left = this.unary();
    while (left) {
      const t = this.peek();
      if (t === undefined) break;
      if (t.kind === 'op' && (t.text === '*' || t.text === '/')) {
        this.pos += 1;
        const right = this.unary();
        if (!right) return undefined;
        left = { kind: t.text === '*' ? 'mul' : 'div', left, right };
      } else if (t.kind === 'var' || t.kind === 'lp' || t.kind === 'func') {
        const right = this.power();
        if (!right) return undefined;
        left = { kind: 'mul', left, right };
      } else {
        break;
      }
    }
    return left;
  }

  private unary(): Expr | undefined {
    if (this.isOp('-')) {
      this.pos += 1;
      const arg = this.unary();
      return arg && { kind: 'neg', arg };
    }
    if (this.isOp('+')) {
      this.pos += 1;
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr | undefined {
    const base = this.primary();
    if (base && this.isOp('^')) {
      this.pos += 1;
      const exponent = this.unary();
      return exponent && { kind: 'pow', left: base, right: exponent };
    }
    return base;
  }

  private primary(): Expr | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    if (t.kind === 'num' && t.value !== undefined) {
      this.pos += 1;
      return { kind: 'num', value: t.value, decimals: t.decimals ?? 0, truncated: t.truncated ?? false };
    }
    if (t.kind === 'var') {
      this.pos += 1;
      return { kind: 'var', name: t.text };
    }
    if (t.kind === 'func') {
      this.pos += 1;
      if (this.peek()?.kind !== 'lp') return undefined;
      const arg = this.primary();
      return arg && { kind: 'func', name: t.text, arg };
    }
    if (t.kind === 'lp') {
      this.pos += 1;
      const items: Expr[] = [];
      for (;;) {
        const item = this.sum();
        if (!item) return undefined;
        items.push(item);
        const next = this.peek();
        if (next?.kind === 'comma') {
          this.pos += 1;
          continue;
        }
        if (next?.kind !== 'rp') return undefined;
        this.pos += 1;
        break;
      }
      return items.length === 1 ? items[0] : { kind: 'tuple', items };
    }
    return undefined;
  }
}

/** Parses the tokens of one expression; `undefined` when they do not form one. */
export function parseTokens(tokens: readonly Token[]): Expr | undefined {
  if (tokens.length === 0) return undefined;
  return new Parser(tokens).parseAll();
}

/**
 * Parses one expression written in any supported notation (plain, LaTeX,
 * Unicode): `parseMath('\\frac{x}{2} - 3')`. Returns `undefined` when the text
 * is not a single expression.
 */
export function parseMath(text: string): Expr | undefined {
  const tokens = tokenizeMath(normaliseMathText(text)).filter((t) => t.kind !== 'break' || t.text !== '');
  return parseTokens(tokens);
}
