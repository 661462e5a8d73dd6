import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vitest settings every package shares: tests next to the sources, and a JSON
 * report per package in `.test-results/` that `.ci/run` sums into one line.
 */
export function sharedTestConfig(name: string): ViteUserConfig {
  return {
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 20_000,
      reporters: [
        'default',
        ['json', { outputFile: resolve(root, '.test-results', `${name}.json`) }],
      ],
    },
  };
}
