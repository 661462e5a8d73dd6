import type { MicroResults } from '../micro/run-micro';
import type { SystemSummary } from '../measure/system-summary';

/** One target of the issue, measured. */
export interface TargetCheck {
  readonly name: string;
  /** The target, as text (`≥ 6×`). */
  readonly target: string;
  /** The measured value, as text. */
  readonly measured: string;
  /** Whether it is met; undefined when not measured in this run. */
  readonly met?: boolean;
}

function find(systems: readonly SystemSummary[], id: string): SystemSummary | undefined {
  return systems.find((s) => s.id === id);
}

/** Checks the targets (stated for the default workload on the simulated backend). */
export function checkTargets(systems: readonly SystemSummary[], micro: MicroResults | undefined): TargetCheck[] {
  const none = find(systems, 'no-cache');
  const step = find(systems, 'stepcache');
  const checks: TargetCheck[] = [];
  if (step) {
    checks.push({ name: 'StepCache correctness (task requests)', target: '100 %', measured: `${(step.correctness * 100).toFixed(1)} %`, met: step.correctness === 1 });
    checks.push({ name: 'StepCache wrong answers served from cache', target: '0', measured: String(step.wrongFromCache), met: step.wrongFromCache === 0 });
  }
  if (step && none) {
    const meanX = none.meanMs / step.meanMs;
    const p95X = none.p95Ms / step.p95Ms;
    const saving = 1 - step.tokens / none.tokens;
    checks.push({ name: 'mean latency vs no cache', target: '≥ 6× lower', measured: `${meanX.toFixed(2)}× lower`, met: meanX >= 6 });
    checks.push({ name: 'p95 latency vs no cache', target: '≥ 1.5× lower', measured: `${p95X.toFixed(2)}× lower`, met: p95X >= 1.5 });
    checks.push({ name: 'tokens vs no cache', target: '≥ 45 % fewer', measured: `${(saving * 100).toFixed(1)} % fewer`, met: saving >= 0.45 });
  }
  if (micro) {
    const reuse = micro.reuseOverhead.reuseHit;
    checks.push({ name: 'reuse-hit overhead p50', target: '≤ 1 ms', measured: `${reuse.p50Ms.toFixed(3)} ms`, met: reuse.p50Ms <= 1 });
    checks.push({ name: 'reuse-hit overhead p99', target: '≤ 5 ms', measured: `${reuse.p99Ms.toFixed(3)} ms`, met: reuse.p99Ms <= 5 });
    // The same targets on first hits, where nothing about the request is memoised yet.
    const first = micro.reuseOverhead.firstHit;
    if (first.samples > 0) {
      checks.push({ name: 'first-hit overhead p50', target: '≤ 1 ms', measured: `${first.p50Ms.toFixed(3)} ms`, met: first.p50Ms <= 1 });
      checks.push({ name: 'first-hit overhead p99', target: '≤ 5 ms', measured: `${first.p99Ms.toFixed(3)} ms`, met: first.p99Ms <= 5 });
    }
    const big = micro.storeLookup.find((s) => s.entries >= 100_000);
    checks.push(
      big
        ? { name: 'lookup p50 at 100k entries', target: '≤ 2 ms', measured: `${big.search.p50Ms.toFixed(3)} ms`, met: big.search.p50Ms <= 2 }
        : { name: 'lookup p50 at 100k entries', target: '≤ 2 ms', measured: 'not measured (--quick)' },
    );
  }
  return checks;
}
