import type { SystemSummary } from '../measure/system-summary';
import type { BenchReport } from '../run/bench-report';
import { formatCount, formatMs, formatShare } from './format';
import { PAPER } from './paper-numbers';

/** One row of the results table: a label, the paper's two figures, then one cell per system. */
export interface ReportRow {
  readonly label: string;
  readonly paperNoCache: string;
  readonly paperStepCache: string;
  readonly cells: readonly string[];
  /** Starts a new block of rows (a separator is drawn above it). */
  readonly section?: boolean;
}

function pathShare(s: SystemSummary, path: 'reuse' | 'patch' | 'skip' | 'miss' | 'bypass' | 'hit'): string {
  const n = s.paths[path] ?? 0;
  return `${formatShare(n / s.requests)} (${n})`;
}

/**
 * The rows of the paper's table, our figures beside the paper's: latency,
 * tokens, correctness, wrong answers from cache, then the path breakdown
 * (`hit` for the baselines sits on the reuse row).
 */
export function reportRows(report: BenchReport): ReportRow[] {
  const s = report.systems;
  const row = (label: string, noCache: string, step: string, cell: (x: SystemSummary) => string, section = false): ReportRow => ({
    label,
    paperNoCache: noCache,
    paperStepCache: step,
    cells: s.map(cell),
    ...(section ? { section } : {}),
  });
  const graded = s[0] ? Math.round(s[0].gradedRequests / Math.max(1, report.meta.seeds.length)) : 0;
  return [
    row('mean latency', formatMs(PAPER.noCache.meanMs), formatMs(PAPER.stepCache.meanMs), (x) => formatMs(x.meanMs)),
    row('median latency', formatMs(PAPER.noCache.medianMs), formatMs(PAPER.stepCache.medianMs), (x) => formatMs(x.medianMs)),
    row('p95 latency', formatMs(PAPER.noCache.p95Ms), formatMs(PAPER.stepCache.p95Ms), (x) => formatMs(x.p95Ms)),
    row('total tokens (per seed)', formatCount(PAPER.noCache.tokens), formatCount(PAPER.stepCache.tokens), (x) => formatCount(Math.round(x.tokens)), true),
    row('tokens per request', String(PAPER.noCache.tokensPerRequest), String(PAPER.stepCache.tokensPerRequest), (x) => x.tokensPerRequest.toFixed(1)),
    row(`correctness (task requests, ${graded}/seed)`, formatShare(PAPER.noCache.correctness), formatShare(PAPER.stepCache.correctness), (x) => formatShare(x.correctness), true),
    row('  linear equations', '', '', (x) => formatShare(x.correctnessByTask.linear)),
    row('  JSON extraction', '', '', (x) => formatShare(x.correctnessByTask.json)),
    row(`correctness (all ${report.meta.requestsPerSeed}/seed)`, '', '', (x) => formatShare(x.overallCorrectness)),
    row('wrong answers from cache', '', '', (x) => String(x.wrongFromCache)),
    row('traps/semantic changes reused', '', '', (x) => String(x.trapsReused)),
    row('path: reuse (hit)', formatShare(0), formatShare(PAPER.paths.reuse), (x) => (x.id === 'stepcache' ? pathShare(x, 'reuse') : pathShare(x, 'hit')), true),
    row('path: patch', '', formatShare(PAPER.paths.patch), (x) => (x.id === 'stepcache' ? pathShare(x, 'patch') : '–')),
    row('path: skip', '', formatShare(PAPER.paths.skip), (x) => (x.id === 'stepcache' ? pathShare(x, 'skip') : '–')),
    row('path: miss', '100.0 %', '', (x) => pathShare(x, 'miss')),
    row('path: bypass', '', '', (x) => (x.id === 'stepcache' ? pathShare(x, 'bypass') : '–')),
  ];
}
