import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

describe('createPacer', () => {
  it('never waits at time scale 0 but still honours an abort', async () => {
    await expect(createPacer(0).waitUntil(1e9)).resolves.toBeUndefined();
    await expect(createPacer(0, AbortSignal.abort()).waitUntil(0)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a pending wait with the abort reason', async () => {
    const controller = new AbortController();
    const wait = createPacer(1, controller.signal).waitUntil(60_000);
    controller.abort(new Error('stop now'));
    await expect(wait).rejects.toThrow('stop now');
  });
});
