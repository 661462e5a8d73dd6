import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

/**
 * The end-to-end check CI relies on: `--quick` in-process on the simulated
 * backend. StepCache must be 100 % correct on the task requests and must
 * never serve a wrong answer from its cache.
 */
describe('stepcache-bench --quick (SIMULATED backend)', () => {
  let dir: string;
  let report: Record<string, unknown>;
  let stdout = '';
  let exitCode = -1;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stepcache-bench-'));
    const result = await runCli(['--quick', '--out', dir, '--no-progress'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true },
      env: {},
      cwd: dir,
    });
    exitCode = result.exitCode;
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Record<string, unknown>;
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a JSON report with run metadata and one object per system', async () => {
    expect(exitCode).toBe(0);
    const meta = report.meta as Record<string, unknown>;
    expect(meta).toMatchObject({ simulated: true, seeds: [42], requestsPerSeed: 111, requests: 111, quick: true });
    expect((meta.backend as { name: string }).name).toBe('sim');
    expect(typeof meta.date).toBe('string');
    const systems = report.systems as Record<string, unknown>[];
    expect(systems.map((s) => s.id)).toEqual(['no-cache', 'exact-match', 'semantic', 'stepcache']);
    for (const s of systems) {
      for (const key of ['name', 'meanMs', 'medianMs', 'p95Ms', 'tokens', 'correctness', 'wrongFromCache', 'paths']) expect(s, key).toHaveProperty(key);
      expect(s.meanMs as number).toBeGreaterThan(0);
      expect(s.tokens as number).toBeGreaterThan(0);
      const paths = s.paths as Record<string, number>;
      expect(Object.values(paths).reduce((a, b) => a + b, 0)).toBe(111);
    }
    const micro = report.micro as Record<string, unknown>;
    expect(micro).toHaveProperty('reuseOverhead');
    expect(micro).toHaveProperty('streamHits');
    expect((micro.storeLookup as { entries: number }[]).map((l) => l.entries)).toEqual([1000, 10000]);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toMatch(/<svg[\s\S]*SIMULATED/);
    expect(stdout).toMatch(/SIMULATED/);
  });

  it('StepCache is 100 % correct on the task requests and serves no wrong answer from its cache', () => {
    const step = (report.systems as Record<string, unknown>[]).find((s) => s.id === 'stepcache') as Record<string, unknown>;
    const failures = report.stepcacheFailures as { id: string; path: string; task?: string; prompt: string; cachedPrompt?: string; answer: string }[];
    expect(step.wrongFromCache).toBe(0);
    expect(failures.map((f) => `${f.id} [${f.path}, ${f.task ?? '?'}] ${f.prompt.split('\n')[0] ?? ''}`)).toEqual([]);
    expect(step.correctness).toBe(1);
  });
});
