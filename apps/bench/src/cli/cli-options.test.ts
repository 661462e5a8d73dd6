import { describe, expect, it } from 'vitest';
import { HELP, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to the full simulated run of the paper: three seeds, all systems, micro-benchmarks up to 100k entries', () => {
    const o = parseCliOptions([], {});
    expect(o.bench.backend.name).toBe('sim');
    expect(o.bench.backend.simulated).toBe(true);
    expect(o.bench.backend.virtualTime).toBe(true);
    expect(o.bench.seeds).toEqual([42, 43, 44]);
    expect(o.bench.basesPerTask).toBe(10);
    expect(o.bench.k).toBe(3);
    expect(o.bench.rephrase).toBe(0);
    expect(o.bench.systems).toEqual(['no-cache', 'exact-match', 'semantic', 'stepcache']);
    expect(o.bench.micro && o.bench.micro.storeSizes).toEqual([1000, 10000, 100000]);
    expect(o.jsonPath).toBe('bench-results/report.json');
    expect(o.htmlPath).toBe('bench-results/report.html');
  });

  it('shrinks the run with --quick and honours explicit flags', () => {
    const o = parseCliOptions(['--quick', '--out', 'x', '--json', 'r.json', '--no-micro', '--seeds', '7,8'], {});
    expect(o.bench.quick).toBe(true);
    expect(o.bench.seeds).toEqual([7, 8]);
    expect(o.bench.basesPerTask).toBe(5);
    expect(o.bench.micro).toBe(false);
    expect(o.jsonPath).toBe('r.json');
    expect(o.htmlPath).toBe('x/report.html');
  });

  it('builds real backends from the environment and wall-clock latency', () => {
    const ollama = parseCliOptions(['--backend', 'ollama', '--model', 'llama3.2'], { OLLAMA_BASE_URL: 'http://gpu:11434/api' });
    expect(ollama.bench.backend).toMatchObject({ name: 'ollama', simulated: false, virtualTime: false, modelId: 'llama3.2' });
    expect(ollama.bench.backend.description).toContain('http://gpu:11434/api');
    expect(ollama.bench.maxRetries).toBe(2);
    const openai = parseCliOptions(['--backend', 'openai', '--model', 'gpt-4o-mini'], { OPENAI_API_KEY: 'sk-test' });
    expect(openai.bench.backend).toMatchObject({ name: 'openai', simulated: false });
    expect(parseCliOptions(['--time-scale', '1'], {}).bench.backend.virtualTime).toBe(false);
  });

  it.each([
    [['--backend', 'llama'], /--backend must be one of/],
    [['--backend', 'ollama'], /--model is required/],
    [['--backend', 'openai', '--model', 'gpt-4o-mini'], /OPENAI_API_KEY must be set/],
    [['--seeds', '42,x'], /--seeds must be a comma-separated list/],
    [['--bases', '0'], /--bases must be an integer ≥ 1/],
    [['--time-scale=-1'], /--time-scale must be a number ≥ 0/],
    [['--rephrase', '1.5'], /--rephrase must be a number from 0 to 1/],
    [['--systems', 'no-cache,magic'], /--systems must list some of/],
    [['--frobnicate'], /arguments are not valid/],
  ])('rejects %j with an error naming the flag', (argv, message) => {
    expect(() => parseCliOptions(argv, {})).toThrow(message);
  });

  it('documents every flag with its default in --help', () => {
    for (const flag of ['--backend', '--model', '--time-scale', '--max-retries', '--seeds', '--bases', '--k', '--rephrase', '--systems', '--quick', '--out', '--json', '--html', '--no-micro', '--iterations', '--store-sizes', '--no-progress', '--check', '--help']) {
      expect(HELP).toContain(flag);
    }
    expect(HELP).toMatch(/default: 42,43,44/);
    expect(parseCliOptions(['-h'], {}).help).toBe(true);
  });
});
