import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { BACKEND_NAMES, createBackend } from '../backends/create-backend';
import type { BackendName } from '../backends/backend';
import { invalidOption } from '../errors/invalid-option';
import type { BenchOptions } from '../run/run-benchmark';
import type { SystemId } from '../systems/bench-system';
import { ALL_SYSTEMS } from '../systems/create-systems';
import { DEFAULT_FREE_TEXT_MIX } from '../workload/free-text-workload';

/** Defaults of the full run. */
export const DEFAULTS = {
  backend: 'sim' as BackendName,
  seeds: [42, 43, 44],
  basesPerTask: 10,
  k: 3,
  timeScale: 0,
  out: 'bench-results',
  iterations: 2000,
  storeSizes: [1_000, 10_000, 100_000],
  queries: 1000,
  exactStreamSamples: 10,
};

/** What `--quick` changes: one seed, half the base prompts, smaller micro-benchmarks. */
export const QUICK = {
  seeds: [42],
  basesPerTask: 5,
  freeText: { topics: 4, repeats: 2, negations: 3, others: 2 },
  iterations: 500,
  storeSizes: [1_000, 10_000],
  queries: 300,
  exactStreamSamples: 3,
};

const CONFIG = {
  options: {
    backend: { type: 'string' },
    model: { type: 'string' },
    seeds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    bases: { type: 'string' },
    k: { type: 'string' },
    rephrase: { type: 'string' },
    systems: { type: 'string' },
    'time-scale': { type: 'string' },
    'max-retries': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'string' },
    html: { type: 'string' },
    micro: { type: 'boolean', default: true },
    iterations: { type: 'string' },
    'store-sizes': { type: 'string' },
    progress: { type: 'boolean', default: true },
    check: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowNegative: true,
  strict: true,
  allowPositionals: false,
} satisfies ParseArgsConfig;

/** The `--help` text: every flag with its default. */
export const HELP = `stepcache-bench — StepCache vs no cache, an exact-match cache and a semantic cache
on the paper's workload (linear equations, JSON extraction, free text and traps).

Usage: pnpm bench [flags]          (from the repository root; builds first)
       node --expose-gc apps/bench/dist/cli.js [flags]

Backend
  --backend NAME       sim | sim-http | ollama | openai                  (default: sim)
                       sim: the SIMULATED model in-process; sim-http: the same over a local
                       Ollama-compatible HTTP server via ollama-ai-provider-v2;
                       ollama: OLLAMA_BASE_URL (default http://127.0.0.1:11434/api);
                       openai: OPENAI_API_KEY, optional OPENAI_BASE_URL (Chat Completions API)
  --model NAME         model name; required for ollama and openai      (default: sim-instruct)
  --time-scale N       simulator: real ms waited per simulated ms; 0 never waits and
                       latency is accounted in virtual time              (default: 0)
  --max-retries N      AI SDK retries per call                   (default: 0 sim, 2 real)

Workload and systems
  --seeds LIST         comma-separated workload/model seeds              (default: 42,43,44)
  --bases N            base prompts per task                              (default: 10)
  --k N                variants per perturbation                          (default: 3)
  --rephrase P         share of variants asked in another wording than their base,
                       0..1; 0 keeps the paper's localized perturbations   (default: 0)
  --systems LIST       subset of no-cache,exact-match,semantic,stepcache  (default: all)
  --quick              one seed (42), 5 bases per task, 111 requests, micro-benchmarks
                       at 1k/10k entries and 500 calls; finishes in well under a minute

Output
  --out DIR            directory for report.json and report.html         (default: bench-results)
  --json FILE          JSON report path                           (default: DIR/report.json)
  --html FILE          HTML report path (inline SVG charts)       (default: DIR/report.html)
  --no-micro           skip the micro-benchmarks
  --iterations N       timed generateText calls on reuse hits             (default: 2000)
  --store-sizes LIST   memoryStore sizes for the lookup benchmark (default: 1000,10000,100000)
  --no-progress        no progress bar on stderr
  --check              exit with code 1 unless StepCache's task correctness is 100 % and it
                       served no wrong answer from its cache (what CI asserts)
  -h, --help           this text

The table goes to stdout; progress and file paths to stderr. Figures from the sim
backends are SIMULATED and labelled so everywhere.`;

/** Parsed command line. */
export interface CliOptions {
  readonly help: boolean;
  readonly bench: BenchOptions;
  readonly out: string;
  readonly jsonPath: string;
  readonly htmlPath: string;
  readonly progress: boolean;
  readonly check: boolean;
}

function integer(flag: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw invalidOption(flag, `must be an integer ≥ ${min}`, raw);
  return value;
}

function integerList(flag: string, raw: string | undefined, fallback: readonly number[]): number[] {
  if (raw === undefined) return [...fallback];
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !Number.isSafeInteger(v))) throw invalidOption(flag, 'must be a comma-separated list of integers', raw);
  return values;
}

/** Parses argv (without `node cli.js`); throws `INVALID_OPTION` naming the bad flag. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliOptions {
  let values: ReturnType<typeof parseArgs<typeof CONFIG>>['values'];
  try {
    values = parseArgs({ ...CONFIG, args: [...argv] }).values;
  } catch (error) {
    throw invalidOption('arguments', `are not valid (${error instanceof Error ? error.message : String(error)})`, argv.join(' '));
  }
  const quick = values.quick === true;
  const backendName = (values.backend ?? DEFAULTS.backend) as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw invalidOption('--backend', `must be one of ${BACKEND_NAMES.join(', ')}`, values.backend);
  const timeScaleRaw = values['time-scale'];
  const timeScale = timeScaleRaw === undefined ? DEFAULTS.timeScale : Number(timeScaleRaw);
  if (!Number.isFinite(timeScale) || timeScale < 0) throw invalidOption('--time-scale', 'must be a number ≥ 0', timeScaleRaw);
  const backend = createBackend({ backend: backendName, timeScale, env, ...(values.model === undefined ? {} : { model: values.model }) });
  const systems = (values.systems?.split(',').map((s) => s.trim()) ?? [...ALL_SYSTEMS]) as SystemId[];
  const unknown = systems.filter((s) => !ALL_SYSTEMS.includes(s));
  if (unknown.length > 0 || systems.length === 0) throw invalidOption('--systems', `must list some of ${ALL_SYSTEMS.join(', ')}`, values.systems);
  const out = values.out ?? DEFAULTS.out;
  const storeSizes = integerList('--store-sizes', values['store-sizes'], quick ? QUICK.storeSizes : DEFAULTS.storeSizes);
  if (storeSizes.some((n) => n < 1)) throw invalidOption('--store-sizes', 'must be positive', values['store-sizes']);
  const seeds = integerList('--seeds', values.seeds, quick ? QUICK.seeds : DEFAULTS.seeds);
  const basesPerTask = integer('--bases', values.bases, quick ? QUICK.basesPerTask : DEFAULTS.basesPerTask, 1);
  const rephrase = values.rephrase === undefined ? 0 : Number(values.rephrase);
  if (!(rephrase >= 0 && rephrase <= 1)) throw invalidOption('--rephrase', 'must be a number from 0 to 1', values.rephrase);
  const micro = values.micro === false ? false : {
    seed: seeds[0] ?? 42,
    basesPerTask,
    iterations: integer('--iterations', values.iterations, quick ? QUICK.iterations : DEFAULTS.iterations, 1),
    storeSizes,
    queries: quick ? QUICK.queries : DEFAULTS.queries,
    exactStreamSamples: quick ? QUICK.exactStreamSamples : DEFAULTS.exactStreamSamples,
  };
  return {
    help: values.help === true,
    out,
    jsonPath: values.json ?? `${out}/report.json`,
    htmlPath: values.html ?? `${out}/report.html`,
    progress: values.progress !== false,
    check: values.check === true,
    bench: {
      backend,
      seeds,
      basesPerTask,
      k: integer('--k', values.k, DEFAULTS.k, 1),
      freeText: quick ? QUICK.freeText : DEFAULT_FREE_TEXT_MIX,
      rephrase,
      systems,
      maxRetries: integer('--max-retries', values['max-retries'], backend.simulated ? 0 : 2, 0),
      micro,
      quick,
    },
  };
}
