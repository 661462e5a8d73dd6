import type { BenchReport } from '../run/bench-report';
import { formatMs } from './format';
import { reportRows } from './report-rows';

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * The results as a plain-text table in the paper's layout (stdout), with the
 * backend named in the title — marked SIMULATED for the simulated backends —
 * followed by the targets and the micro-benchmarks.
 */
export function textTable(report: BenchReport): string {
  const rows = reportRows(report);
  const headers = ['metric', 'paper: no cache', 'paper: StepCache', ...report.systems.map((s) => s.name)];
  const body = rows.map((r) => [r.label, r.paperNoCache, r.paperStepCache, ...r.cells]);
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const meta = report.meta;
  const out: string[] = [];
  out.push(meta.title);
  if (meta.simulated) out.push('ALL FIGURES BELOW ARE SIMULATED (stepcache-sim), NOT A REAL MODEL’S. The paper column is the paper’s (real CPU model).');
  out.push(`seeds ${meta.seeds.join(', ')} · ${meta.requestsPerSeed} requests per seed (base prompts included) · ${meta.latency}`);
  out.push('');
  out.push(line(headers));
  out.push(rule);
  rows.forEach((r, i) => {
    if (r.section && i > 0) out.push(rule);
    out.push(line([r.label, r.paperNoCache, r.paperStepCache, ...r.cells]));
  });
  out.push(rule);
  if (report.targets.length > 0) {
    out.push('');
    out.push(`Targets${meta.simulated ? ' (SIMULATED backend)' : ''}:`);
    for (const t of report.targets) {
      const mark = t.met === undefined ? '  ?' : t.met ? ' ok' : 'MISS';
      out.push(`  [${mark}] ${t.name}: ${t.measured} (target ${t.target})`);
    }
  }
  const bound = report.workloadBound;
  if (bound) {
    out.push(
      `  Bound for any cache on this workload (${(bound.mustGenerateShare * 100).toFixed(1)} % of requests must reach the model; the rest free): mean ${bound.meanSpeedup.toFixed(2)}× lower, p95 ${bound.p95Speedup.toFixed(2)}× lower, ${(bound.tokenSaving * 100).toFixed(1)} % fewer tokens`,
    );
  }
  const micro = report.micro;
  if (micro) {
    out.push('');
    out.push('Micro-benchmarks (wall clock on this machine, no model time):');
    const r = micro.reuseOverhead;
    out.push(
      `  generateText on StepCache reuse hits: p50 ${formatMs(r.reuseHit.p50Ms)}, p99 ${formatMs(r.reuseHit.p99Ms)} (${r.reuseHit.samples} calls over ${r.distinctRequests} requests); AI SDK floor without cache p50 ${formatMs(r.sdkFloor.p50Ms)}, p99 ${formatMs(r.sdkFloor.p99Ms)}`,
      `  first hit of each request (every step judged from scratch): p50 ${formatMs(r.firstHit.p50Ms)}, p99 ${formatMs(r.firstHit.p99Ms)} (${r.firstHit.samples} requests)`,
    );
    const st = micro.streamHits;
    out.push(
      `  streamText time to first chunk on hits: StepCache p50 ${formatMs(st.stepcache.firstChunk.p50Ms)} (whole answer ${formatMs(st.stepcache.complete.p50Ms)}); exact-match recipe replay p50 ${formatMs(st.exactMatch.firstChunk.p50Ms)} (whole answer ${formatMs(st.exactMatch.complete.p50Ms)})`,
    );
    for (const l of micro.storeLookup) {
      const heap = l.heapBytesPerEntry === undefined ? 'n/a' : `${(l.heapBytesPerEntry / 1024).toFixed(2)} KiB`;
      out.push(
        `  memoryStore search at ${l.entries.toLocaleString('en-US')} entries: p50 ${formatMs(l.search.p50Ms)}, p99 ${formatMs(l.search.p99Ms)}; memory per entry (heap + buffers) ${heap} (store estimate ${(l.estimatedBytesPerEntry / 1024).toFixed(2)} KiB)`,
      );
    }
  }
  out.push('');
  out.push(`run took ${(meta.durationMs / 1000).toFixed(1)} s · ${meta.date} · node ${meta.node} · ${meta.platform}`);
  return out.join('\n');
}
