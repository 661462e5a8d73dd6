/**
 * The q-quantile of a sample (0 ≤ q ≤ 1) by linear interpolation between
 * closest ranks (the "R-7" / NumPy default definition). NaN for an empty sample.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${String(q)}`);
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const low = sorted[lo] as number;
  return low + ((sorted[hi] as number) - low) * (pos - lo);
}

/** Arithmetic mean; NaN for an empty sample. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Mean, median and tail percentiles of a sample. */
export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises a sample (NaN fields when it is empty). */
export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    mean: mean(values),
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    min: values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.min(a, b)),
    max: values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.max(a, b)),
  };
}

/**
 * The empirical CDF as points (value, share of the sample ≤ value), thinned
 * to at most `maxPoints` points for plotting.
 */
export function cdfPoints(values: readonly number[], maxPoints = 200): { x: number; p: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [];
  const step = Math.max(1, Math.floor(n / maxPoints));
  const points: { x: number; p: number }[] = [];
  for (let i = 0; i < n; i += step) points.push({ x: sorted[i] as number, p: (i + 1) / n });
  const last = points[points.length - 1];
  if (!last || last.p < 1) points.push({ x: sorted[n - 1] as number, p: 1 });
  return points;
}
