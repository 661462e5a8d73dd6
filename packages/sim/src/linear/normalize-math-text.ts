/**
 * Rewrites the math notations models and users write (LaTeX delimiters and
 * commands, Unicode operators, markdown emphasis) into plain ASCII math, so
 * equations can be found and compared in one form.
 */
export function normalizeMathText(text: string): string {
  let out = text;
  // \frac{a}{b} may nest once in practice; two passes cover it.
  for (let i = 0; i < 2; i++) out = out.replace(/\\d?frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)');
  return out
    .replace(/\\left|\\right/g, '')
    .replace(/\\[()[\]]/g, ' ')
    .replace(/\$\$?/g, ' ')
    .replace(/\\(?:cdot|times)/g, '*')
    .replace(/\\div/g, '/')
    .replace(/\\(?:quad|qquad|,|;|!)/g, ' ')
    .replace(/\\(?:implies|Rightarrow|rightarrow|to)/g, ' ; ')
    .replace(/\\text\{([^{}]*)\}/g, ' $1 ')
    .replace(/[{}]/g, ' ')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[\u00d7\u00b7\u22c5]/g, '*')
    .replace(/\u00f7/g, '/')
    .replace(/[\u2192\u21d2]/g, ' ; ')
    .replace(/\u2713|\u2714/g, ' ')
    .replace(/\*\*/g, ' ')
    .replace(/`/g, ' ');
}

/** Canonical surface form of an equation for comparing texts: no spaces, no `*`, `lhs=last part`. */
export function surfaceKey(equation: string): string {
  const parts = normalizeMathText(equation)
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/\.$/, '')
    .split('=');
  if (parts.length < 2) return parts.join('=');
  return `${parts[0]}=${parts[parts.length - 1]}`;
}
