import type { SystemSummary } from '../measure/system-summary';
import { formatCount, formatMs } from './format';

/** Colours per system, in report order. */
export const SYSTEM_COLORS = ['#6b7280', '#d97706', '#7c3aed', '#059669'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Latency CDF per system as inline SVG, log-scaled x axis (cache hits take
 * fractions of a millisecond, generations seconds).
 */
export function latencyCdfSvg(systems: readonly SystemSummary[], width = 760, height = 380): string {
  const margin = { left: 56, right: 20, top: 20, bottom: 64 };
  const w = width - margin.left - margin.right;
  const h = height - margin.top - margin.bottom;
  const xs = systems.flatMap((s) => s.latencyCdf.map((p) => p.x)).filter((x) => x > 0);
  const lo = Math.floor(Math.log10(Math.max(1e-3, Math.min(...xs, 1))));
  const hi = Math.ceil(Math.log10(Math.max(...xs, 10)));
  const xOf = (ms: number) => margin.left + ((Math.log10(Math.max(ms, 10 ** lo)) - lo) / (hi - lo)) * w;
  const yOf = (p: number) => margin.top + (1 - p) * h;
  const parts: string[] = [];
  for (let e = lo; e <= hi; e++) {
    const x = xOf(10 ** e).toFixed(1);
    parts.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${margin.top + h}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${x}" y="${margin.top + h + 16}" font-size="11" text-anchor="middle" fill="#374151">${escapeXml(formatMs(10 ** e))}</text>`);
  }
  for (const p of [0, 0.25, 0.5, 0.75, 0.95, 1]) {
    const y = yOf(p).toFixed(1);
    parts.push(`<line x1="${margin.left}" y1="${y}" x2="${margin.left + w}" y2="${y}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${(yOf(p) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#374151">${Math.round(p * 100)}%</text>`);
  }
  systems.forEach((s, i) => {
    const color = SYSTEM_COLORS[i % SYSTEM_COLORS.length] as string;
    let d = '';
    let prevY = yOf(0);
    s.latencyCdf.forEach((pt, j) => {
      const x = xOf(pt.x).toFixed(1);
      d += j === 0 ? `M${x},${prevY.toFixed(1)}` : `H${x}`;
      prevY = yOf(pt.p);
      d += `V${prevY.toFixed(1)}`;
    });
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
    const lx = margin.left + (i % 4) * (w / 4);
    parts.push(`<rect x="${lx}" y="${height - 22}" width="12" height="12" fill="${color}"/>`);
    parts.push(`<text x="${lx + 16}" y="${height - 12}" font-size="12" fill="#111827">${escapeXml(s.name)}</text>`);
  });
  parts.push(`<text x="${margin.left + w / 2}" y="${margin.top + h + 34}" font-size="12" text-anchor="middle" fill="#111827">request latency (log scale)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="latency CDF per system">${parts.join('')}</svg>`;
}

/** Bars of total tokens per seed per system (prompt and output stacked), with the paper's two figures. */
export function tokenBarsSvg(systems: readonly SystemSummary[], paper: { noCache: number; stepCache: number }, width = 760, height = 300): string {
  const bars = [
    ...systems.map((s, i) => ({ label: s.name, input: s.tokenSplit.input, output: s.tokenSplit.output, color: SYSTEM_COLORS[i % SYSTEM_COLORS.length] as string })),
    { label: 'paper: no cache', input: paper.noCache, output: 0, color: '#9ca3af' },
    { label: 'paper: StepCache', input: paper.stepCache, output: 0, color: '#9ca3af' },
  ];
  const margin = { left: 20, right: 20, top: 24, bottom: 48 };
  const w = width - margin.left - margin.right;
  const h = height - margin.top - margin.bottom;
  const max = Math.max(...bars.map((b) => b.input + b.output), 1);
  const slot = w / bars.length;
  const parts: string[] = [];
  bars.forEach((b, i) => {
    const x = margin.left + i * slot + slot * 0.15;
    const bw = slot * 0.7;
    const total = b.input + b.output;
    const hIn = (b.input / max) * h;
    const hOut = (b.output / max) * h;
    const base = margin.top + h;
    parts.push(`<rect x="${x.toFixed(1)}" y="${(base - hIn).toFixed(1)}" width="${bw.toFixed(1)}" height="${hIn.toFixed(1)}" fill="${b.color}" opacity="0.55"/>`);
    if (hOut > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${(base - hIn - hOut).toFixed(1)}" width="${bw.toFixed(1)}" height="${hOut.toFixed(1)}" fill="${b.color}"/>`);
    parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${(base - hIn - hOut - 6).toFixed(1)}" font-size="12" text-anchor="middle" fill="#111827">${formatCount(Math.round(total))}</text>`);
    parts.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${base + 16}" font-size="11" text-anchor="middle" fill="#374151">${escapeXml(b.label)}</text>`);
  });
  parts.push(`<text x="${margin.left}" y="${height - 8}" font-size="11" fill="#6b7280">tokens per seed; light: prompt tokens, dark: output tokens (the paper publishes totals only)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="tokens per seed per system">${parts.join('')}</svg>`;
}
