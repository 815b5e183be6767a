import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from '../../src/infra/deadline-queue.js';
import type { LateOutcome } from '../../src/infra/within-deadline.js';
import { eventually } from '../support/eventually.js';

const LIMIT_MS = 40;

/** A call that answers when told to. */
function pendingCall<T>(): { work: Promise<T>; answer: (value: T) => void; fail: (error: Error) => void } {
  let answer!: (value: T) => void;
  let fail!: (error: Error) => void;
  const work = new Promise<T>((resolve, reject) => ((answer = resolve), (fail = reject)));
  return { work, answer, fail };
}

describe('deadlines of store calls on one timer', () => {
  it('settles each call as it answers in time, and fails those that do not, each at its own deadline', async () => {
    const queue = new DeadlineQueue(LIMIT_MS);
    const lateOutcomes: LateOutcome[] = [];
    const late = (outcome: LateOutcome) => lateOutcomes.push(outcome);
    const expired = (name: string) => () => new Error(`${name} timed out`);
    const quick = pendingCall<string>();
    const failing = pendingCall<string>();
    const hung = pendingCall<string>();
    const slow = pendingCall<string>();
    const answers = [
      queue.within(quick.work, expired('quick'), late),
      queue.within(failing.work, expired('failing'), late),
      queue.within(hung.work, expired('hung'), late),
      queue.within(slow.work, expired('slow'), late),
    ].map((answer) => answer.then((value) => `answered ${value}`).catch((error: Error) => error.message));
    quick.answer('at once');
    failing.fail(new Error('refused'));
    expect(await answers[0]).toBe('answered at once');
    expect(await answers[1]).toBe('refused');
    expect(await answers[2]).toBe('hung timed out');
    expect(await answers[3]).toBe('slow timed out');
    expect(lateOutcomes).toEqual([]);
    slow.answer('too late');
    await eventually(() => expect(lateOutcomes).toEqual([{ ok: true }]));
  });

  it('gives a call made after every earlier one was answered its full deadline again', async () => {
    const queue = new DeadlineQueue(LIMIT_MS);
    const late = () => undefined;
    for (let index = 0; index < 5; index += 1)
      expect(await queue.within(Promise.resolve(index), () => new Error('timed out'), late)).toBe(index);
    const hung = pendingCall<number>();
    const started = performance.now();
    await expect(queue.within(hung.work, () => new Error('timed out'), late)).rejects.toThrow('timed out');
    expect(performance.now() - started).toBeGreaterThanOrEqual(LIMIT_MS - 1);
  });
});
