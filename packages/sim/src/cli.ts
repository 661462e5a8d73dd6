#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { measureCalibration } from './calibration/measure-calibration';
import { SimError } from './errors/sim-error';
import { startSimServer } from './server/sim-server';

const HELP = `stepcache-sim: a SIMULATED LLM (not a real model) for StepCache tests, benchmarks and demos

Usage:
  stepcache-sim serve [--port 11434] [--host 127.0.0.1] [--seed 42] [--time-scale 1] [--model sim-instruct]
      Serve the simulated model over HTTP: Ollama API under /api, OpenAI API under /v1.
  stepcache-sim calibrate [--size 222] [--seed 42] [--workload-seed 42]
      Score the simulated model, no cache, on the generated calibration workload.
  stepcache-sim --help
`;

function number(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new SimError({ code: 'INVALID_ARGUMENT', message: `--${flag} expects a number, got "${value}"`, details: { field: flag } });
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'time-scale': { type: 'string' },
      model: { type: 'string' },
      size: { type: 'string' },
      'workload-seed': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (command === 'serve') {
    const server = await startSimServer({
      port: number(values.port, 'port', 11434),
      host: values.host ?? '127.0.0.1',
      seed: number(values.seed, 'seed', 42),
      timeScale: number(values['time-scale'], 'time-scale', 1),
      ...(values.model ? { modelId: values.model } : {}),
    });
    process.stdout.write(
      [
        '*** SIMULATED MODEL: @stepcache/sim answers with a seeded error and latency model. It is NOT a real LLM. ***',
        `model:      ${values.model ?? 'sim-instruct'}  (seed ${number(values.seed, 'seed', 42)}, time scale ${number(values['time-scale'], 'time-scale', 1)})`,
        `Ollama API: ${server.url}/api   (createOllama({ baseURL: '${server.url}/api' }))`,
        `OpenAI API: ${server.url}/v1    (createOpenAI({ baseURL: '${server.url}/v1', apiKey: 'sim' }))`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        void server.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  }
  if (command === 'calibrate') {
    const report = measureCalibration({
      workload: { size: number(values.size, 'size', 222), seed: number(values['workload-seed'], 'workload-seed', 42) },
      model: { seed: number(values.seed, 'seed', 42) },
    });
    process.stdout.write('SIMULATED model, no cache, calibration workload (figures describe the simulator, not a real LLM):\n');
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(`Unknown command "${command}".\n${HELP}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
