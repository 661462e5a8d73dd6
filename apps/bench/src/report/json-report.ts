import type { BenchReport } from '../run/bench-report';

/**
 * The report as JSON: every figure of the run plus its metadata (backend,
 * `simulated` flag, seeds, request count, date, micro-benchmarks). Entries
 * that are not numbers (NaN: nothing measured) become null; typed arrays
 * become plain arrays.
 */
export function jsonReport(report: BenchReport): string {
  return JSON.stringify(
    report,
    (_key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) return null;
      if (value instanceof Float32Array) return [...value];
      return value;
    },
    2,
  );
}
