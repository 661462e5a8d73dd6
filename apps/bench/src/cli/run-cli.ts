import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StepCacheError } from '@stepcache/middleware';
import { htmlReport } from '../report/html-report';
import { jsonReport } from '../report/json-report';
import { ProgressBar } from '../report/progress-bar';
import { textTable } from '../report/text-table';
import type { BenchReport } from '../run/bench-report';
import { runBenchmark } from '../run/run-benchmark';
import { HELP, parseCliOptions } from './cli-options';

/** Where the CLI writes (process streams by default; buffers in tests). */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { isTTY?: boolean; write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Result of a CLI run: the exit code and, when it ran, the report. */
export interface CliResult {
  readonly exitCode: number;
  readonly report?: BenchReport;
}

async function writeOut(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/**
 * The CLI: parses flags, runs the benchmark with a progress bar on stderr,
 * prints the table on stdout and writes the JSON and HTML reports. Bad flags
 * print the error and the help and return exit code 2; `--check` returns 1
 * when StepCache was not 100 % correct on the task requests or served a
 * wrong answer from its cache.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  let options;
  try {
    options = parseCliOptions(argv, io.env);
  } catch (error) {
    if (!StepCacheError.isInstance(error)) throw error;
    io.stderr.write(`${error.message}\n\n${HELP}\n`);
    return { exitCode: 2 };
  }
  if (options.help) {
    io.stdout.write(`${HELP}\n`);
    return { exitCode: 0 };
  }
  const bar = options.progress ? new ProgressBar(io.stderr) : undefined;
  const backend = options.bench.backend;
  io.stderr.write(`${backend.simulated ? 'SIMULATED backend' : 'backend'}: ${backend.description}\n`);
  const report = await runBenchmark({
    ...options.bench,
    ...(bar ? { onProgress: (p) => bar.update(p), onStage: (s) => bar.stage(s) } : {}),
  });
  io.stdout.write(`${textTable(report)}\n`);
  const jsonPath = resolve(io.cwd, options.jsonPath);
  const htmlPath = resolve(io.cwd, options.htmlPath);
  await writeOut(jsonPath, jsonReport(report));
  await writeOut(htmlPath, htmlReport(report));
  io.stderr.write(`wrote ${jsonPath}\nwrote ${htmlPath}\n`);
  if (options.check) {
    const step = report.systems.find((s) => s.id === 'stepcache');
    if (!step || step.correctness !== 1 || step.wrongFromCache !== 0) {
      io.stderr.write(`check failed: StepCache correctness ${step ? (step.correctness * 100).toFixed(1) : 'n/a'} %, wrong from cache ${step?.wrongFromCache ?? 'n/a'}\n`);
      return { exitCode: 1, report };
    }
  }
  return { exitCode: 0, report };
}
