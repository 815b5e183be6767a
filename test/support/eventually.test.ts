import { describe, expect, it } from 'vitest';
import { eventually, eventuallyFound } from './eventually.js';

describe('eventually', () => {
  it('retries the assertion until it passes and returns what it returned', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        expect(calls).toBe(3);
        return 'third time';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('third time');
  });

  it('fails after the deadline with the last assertion error, never ends quietly', async () => {
    const failure = await eventually(() => expect(1).toBe(2), {
      timeoutMs: 30,
      intervalMs: 5,
      what: 'one to be two',
    }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^eventually: one to be two: still failing after 30 ms \(\d+ attempts\): expected 1 to be 2/,
    );
    expect(((failure as Error).cause as Error).message).toMatch(/expected 1 to be 2/);
  });

  it('gives up at once, failing, when what it waits for can no longer happen', async () => {
    let calls = 0;
    const failure = await eventuallyFound(() => ((calls += 1), undefined), { hopeless: () => calls >= 2 }).catch(
      (error: Error) => error,
    );
    expect((failure as Error).message).toMatch(/can no longer pass \(3 attempts\)/);
  });
});
