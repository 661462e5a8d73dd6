import { linearEquationVerifier } from '@stepcache/verifiers';
import type { AnyVerifier } from '@stepcache/verifiers';
import { generateText, wrapLanguageModel } from 'ai';
import { describe, expect, it } from 'vitest';
import { stepCacheMiddleware } from '../stepcache-middleware';
import { scriptedModel } from '../test-utils/scripted-model';

/** The linear verifier, counting the steps it is asked to verify. */
function countingVerifier() {
  const inner = linearEquationVerifier();
  let steps = 0;
  const verifier: AnyVerifier = {
    ...inner,
    verifyStep: (step, problem, context) => {
      steps += 1;
      return inner.verifyStep(step, problem, context);
    },
  } as AnyVerifier;
  return { verifier, steps: () => steps };
}

describe('memoisedPlan', () => {
  it('judges a cached entry for a request once, and serves the repeat from that judgement', async () => {
    const { verifier, steps } = countingVerifier();
    const model = wrapLanguageModel({
      model: scriptedModel(() => 'Subtract 3 from both sides: 2x = 4\nDivide both sides by 2: x = 2\nFinal answer: x = 2'),
      middleware: stepCacheMiddleware({ verifiers: [verifier] }),
    });
    await generateText({ model, prompt: 'Solve for x: 2x + 3 = 7' });
    const first = await generateText({ model, prompt: 'Solve for y: 2y + 3 = 7' });
    expect(first.providerMetadata?.stepcache).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(first.text).toContain('y = 2');
    const counted = steps();
    const again = await generateText({ model, prompt: 'Solve for y: 2y + 3 = 7' });
    expect(again.text).toBe(first.text);
    expect(again.providerMetadata?.stepcache).toMatchObject({ path: 'reuse', modelCalls: 0 });
    expect(steps()).toBe(counted);
  });
});
