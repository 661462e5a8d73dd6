import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_RATES } from '../engine/error-rates';
import { measureCalibration } from './measure-calibration';

/** Binomial tolerance: 4 standard deviations of a rate estimated from n draws. */
function tolerance(p: number, n: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / n);
}

describe('measureCalibration', () => {
  it('scores every answer correct when no error is injected (solver and extractor are sound)', () => {
    const report = measureCalibration({ workload: { size: 400, seed: 7 }, model: { errors: 'none' } });
    expect(report.injected).toEqual({});
    expect(report.correctness).toBe(1);
  });

  it('lands near the paper no-cache correctness (72.5 %) with the default rates', () => {
    for (const seed of [42, 43, 44]) {
      const report = measureCalibration({ workload: { size: 600, seed }, model: { seed } });
      expect(report.simulated).toBe(true);
      expect(Math.abs(report.correctness - 0.725)).toBeLessThan(tolerance(0.725, 600));
    }
  });

  it('injects each error at its configured rate', () => {
    const n = 2000;
    const report = measureCalibration({ workload: { size: n, seed: 11 } });
    const linear = report.byTask.linear.requests;
    const json = report.byTask.json.requests;
    const rate = (label: string, of: number) => (report.injected[label] ?? 0) / of;
    const r = DEFAULT_ERROR_RATES;
    expect(Math.abs(rate('arithmetic-slip', linear) - r.arithmeticSlip)).toBeLessThan(tolerance(r.arithmeticSlip, linear));
    // A final-line slip is only drawn on solutions without an arithmetic slip.
    const finalLine = r.finalLineSlip * (1 - r.arithmeticSlip);
    expect(Math.abs(rate('final-line-slip', linear) - finalLine)).toBeLessThan(tolerance(finalLine, linear));
    for (const [label, p] of [
      ['missing-key', r.jsonMissingKey],
      ['extra-key', r.jsonExtraKey],
      ['wrong-type', r.jsonWrongType],
      ['prose', r.jsonProse],
      ['code-fence', r.jsonCodeFence],
    ] as const) {
      expect(Math.abs(rate(label, json) - p), label).toBeLessThan(tolerance(p, json));
    }
    const syntax = rate('trailing-comma', json) + rate('single-quotes', json);
    expect(Math.abs(syntax - r.jsonSyntax)).toBeLessThan(tolerance(r.jsonSyntax, json));
  });

  it('takes about 2.1 simulated seconds per request on average, like the paper baseline', () => {
    const report = measureCalibration({ workload: { size: 600, seed: 42 } });
    expect(report.latencyMs.mean).toBeGreaterThan(1800);
    expect(report.latencyMs.mean).toBeLessThan(2400);
  });
});
