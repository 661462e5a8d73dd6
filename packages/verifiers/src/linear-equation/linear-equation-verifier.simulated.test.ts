import { createCalibrationWorkload, simulatedModel } from '@stepcache/sim';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { linearEquationVerifier } from './linear-equation-verifier';

/**
 * The SIMULATED backend (`@stepcache/sim`, not a real model) answers 1000
 * generated linear requests in its five answer layouts. Every correct answer
 * must verify (no false rejection); every answer with an injected slip must
 * not.
 */
async function answers(errors: 'none' | undefined) {
  const model = simulatedModel({ ...(errors ? { errors } : {}), timeScale: 0 });
  const out: { prompt: string; text: string; injected: readonly string[] }[] = [];
  for (const item of createCalibrationWorkload({ linearShare: 1, size: 1000 })) {
    const prompt = item.messages[item.messages.length - 1]?.text ?? '';
    const instructions = item.messages.find((m) => m.role === 'system')?.text;
    const result = await generateText({ model, prompt, ...(instructions ? { instructions } : {}) });
    const sim = result.providerMetadata?.sim as { injected?: string[] } | undefined;
    out.push({ prompt, text: result.text, injected: sim?.injected ?? [] });
  }
  return out;
}

describe('linear-equation verifier on the simulated backend', () => {
  const verifier = linearEquationVerifier();
  const problem = (prompt: string) => verifier.detect({ prompt, responseFormat: { type: 'text' } });

  it('accepts every correct answer', async () => {
    const refused: string[] = [];
    for (const answer of await answers('none')) {
      const p = problem(answer.prompt);
      expect(p).toBeDefined();
      const verdict = verifier.verifyAnswer(answer.text, p!);
      if (!verdict.ok) refused.push(`${answer.prompt}: ${verdict.reason}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses every answer with an injected slip', async () => {
    const slipped = (await answers(undefined)).filter((answer) => answer.injected.length > 0);
    expect(slipped.length).toBeGreaterThan(100);
    for (const answer of slipped) expect(verifier.verifyAnswer(answer.text, problem(answer.prompt)!).ok).toBe(false);
  });
});
