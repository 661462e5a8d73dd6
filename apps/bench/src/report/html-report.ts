import type { BenchReport } from '../run/bench-report';
import { formatMs } from './format';
import { PAPER } from './paper-numbers';
import { reportRows } from './report-rows';
import { latencyCdfSvg, tokenBarsSvg } from './svg-charts';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A self-contained HTML report (no external assets): the table in the
 * paper's layout, a latency CDF per system and token bars as inline SVG, the
 * targets and the micro-benchmarks. Simulated runs say SIMULATED in the
 * title and in a banner.
 */
export function htmlReport(report: BenchReport): string {
  const meta = report.meta;
  const rows = reportRows(report);
  const head = ['metric', 'paper: no cache', 'paper: StepCache', ...report.systems.map((s) => s.name)];
  const table = `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr${r.section ? ' class="section"' : ''}>${[r.label, r.paperNoCache, r.paperStepCache, ...r.cells].map((c, i) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
  const targets = report.targets
    .map((t) => `<li class="${t.met === undefined ? 'na' : t.met ? 'ok' : 'miss'}">${t.met === undefined ? '?' : t.met ? '✔' : '✘'} ${esc(t.name)}: ${esc(t.measured)} (target ${esc(t.target)})</li>`)
    .join('');
  const micro = report.micro;
  const microHtml = micro
    ? `<h2>Micro-benchmarks</h2><p>Wall clock on this machine; no model time involved.</p><ul>
<li>generateText on StepCache reuse hits: p50 ${formatMs(micro.reuseOverhead.reuseHit.p50Ms)}, p99 ${formatMs(micro.reuseOverhead.reuseHit.p99Ms)} (${micro.reuseOverhead.reuseHit.samples} calls); AI SDK floor p50 ${formatMs(micro.reuseOverhead.sdkFloor.p50Ms)}, p99 ${formatMs(micro.reuseOverhead.sdkFloor.p99Ms)}</li>
<li>first hit of each request (every step judged from scratch): p50 ${formatMs(micro.reuseOverhead.firstHit.p50Ms)}, p99 ${formatMs(micro.reuseOverhead.firstHit.p99Ms)} (${micro.reuseOverhead.firstHit.samples} requests)</li>
<li>streamText on hits, time to first chunk: StepCache p50 ${formatMs(micro.streamHits.stepcache.firstChunk.p50Ms)}; exact-match recipe replay p50 ${formatMs(micro.streamHits.exactMatch.firstChunk.p50Ms)} (whole answer ${formatMs(micro.streamHits.stepcache.complete.p50Ms)} vs ${formatMs(micro.streamHits.exactMatch.complete.p50Ms)})</li>
${micro.storeLookup
  .map(
    (l) =>
      `<li>memoryStore search at ${l.entries.toLocaleString('en-US')} entries: p50 ${formatMs(l.search.p50Ms)}, p99 ${formatMs(l.search.p99Ms)}; memory per entry (heap + buffers) ${l.heapBytesPerEntry === undefined ? 'n/a' : `${(l.heapBytesPerEntry / 1024).toFixed(2)} KiB`}</li>`,
  )
  .join('')}</ul>`
    : '';
  const banner = meta.simulated
    ? `<p class="banner">SIMULATED: every figure of our systems comes from the simulated model <code>stepcache-sim</code>, not a real LLM. The paper columns are the paper’s own figures.</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(meta.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#111827;padding:0 1em}
table{border-collapse:collapse;font-size:14px}th,td{padding:4px 10px;text-align:right;border-bottom:1px solid #e5e7eb}
thead th{background:#f3f4f6}tbody th{text-align:left;font-weight:normal}tr.section>*{border-top:2px solid #9ca3af}
.banner{background:#fef3c7;border:1px solid #f59e0b;padding:8px 12px;font-weight:600}
li.ok{color:#047857}li.miss{color:#b91c1c}li.na{color:#6b7280}
</style></head><body>
<h1>${esc(meta.title)}</h1>
${banner}
<p>Backend: ${esc(meta.backend.description)}. Seeds ${meta.seeds.join(', ')}; ${meta.requestsPerSeed} requests per seed (base prompts included); latency: ${esc(meta.latency)}. Run on ${esc(meta.date)}, node ${esc(meta.node)}, ${esc(meta.platform)}.</p>
${table}
<h2>Latency CDF${meta.simulated ? ' (SIMULATED)' : ''}</h2>
${latencyCdfSvg(report.systems)}
<h2>Tokens per seed${meta.simulated ? ' (SIMULATED)' : ''}</h2>
${tokenBarsSvg(report.systems, { noCache: PAPER.noCache.tokens, stepCache: PAPER.stepCache.tokens })}
<h2>Targets</h2><ul>${targets}</ul>
${report.workloadBound ? `<p>Bound for any cache on this workload (${(report.workloadBound.mustGenerateShare * 100).toFixed(1)} % of requests must reach the model, the rest free): mean ${report.workloadBound.meanSpeedup.toFixed(2)}× lower, p95 ${report.workloadBound.p95Speedup.toFixed(2)}× lower, ${(report.workloadBound.tokenSaving * 100).toFixed(1)} % fewer tokens.</p>` : ''}
${microHtml}
</body></html>
`;
}
