import { learner } from '../fixtures/learners.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { describe, expect, it } from 'vitest';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { createMemoryEngine } from '../../src/infra/memory/memory-engine.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { guardStore } from '../../src/infra/guard-store.js';
import { StoreTimeoutError, StoreUnavailableError } from '../../src/ports/store.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { eventually } from '../support/eventually.js';

const DEADLINE_MS = 50;

/** A real store in memory, without a deadline of its own. */
function memoryStore() {
  const clock = createFakeClock(0);
  return assembleStore(createMemoryEngine(clock, 'pathbot'), {
    clock,
    logger: createJsonLogger({ level: 'silent' }),
    learnerRows: learnerRowsRule([], 'UTC'),
  });
}

/** A real store in memory whose record calls wait at a gate until the test opens it: a server that hangs. */
function hangingStore() {
  const store = memoryStore();
  let open!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject)));
  const records = store.records;
  store.records = {
    ...records,
    get: async <T>(key: string) => (await gate, records.get<T>(key)),
    set: async (key, value, ttlMs) => (await gate, records.set(key, value, ttlMs)),
  };
  const log = recordingLogger();
  return { raw: store, guarded: guardStore(store, { timeoutMs: DEADLINE_MS, logger: log }), log, open, fail };
}

describe('every store call has a deadline', () => {
  it('a write that gets no answer fails with its outcome unknown, is logged once without values, and may land later', async () => {
    const { raw, guarded, log, open } = hangingStore();
    const error = await guarded.records.set('digest:C1', { secret: 'do-not-log' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreTimeoutError);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ operation: 'records.set', outcomeUnknown: true });
    expect(log.lines).toEqual([
      {
        level: 'warn',
        message: 'store call timed out',
        context: { operation: 'records.set', timeoutMs: DEADLINE_MS, outcomeUnknown: true },
      },
    ]);

    open();
    await eventually(() =>
      expect(log.lines.at(-1)).toEqual({
        level: 'info',
        message: 'store call answered after its deadline',
        context: { operation: 'records.set', outcome: 'succeeded' },
      }),
    );
    expect(await raw.records.get('digest:C1')).toEqual({ secret: 'do-not-log' });
    expect(JSON.stringify(log.lines)).not.toContain('do-not-log');
  });

  it('a read that gets no answer fails as a read, and its late failure is only logged', async () => {
    const { guarded, log, fail } = hangingStore();
    await expect(guarded.records.get('digest:C1')).rejects.toMatchObject({
      name: 'StoreTimeoutError',
      outcomeUnknown: false,
    });
    // An unhandled rejection here would fail the run.
    fail(new Error('connection reset while reading digest:C1'));
    await eventually(() =>
      expect(log.lines.at(-1)).toEqual({
        level: 'info',
        message: 'store call answered after its deadline',
        context: { operation: 'records.get', outcome: 'failed', error: 'Error' },
      }),
    );
  });

  it('a call that answers in time returns its answer and logs nothing', async () => {
    const { guarded, log, open } = hangingStore();
    open();
    await guarded.records.set('seen:e1', true);
    expect(await guarded.records.get('seen:e1')).toBe(true);
    expect(await guarded.learners.get(encodeLearnerId(learner('u1')))).toBeUndefined();
    expect(log.lines).toEqual([]);
  });

  it("still turns a backend's unavailable errors into StoreUnavailableError, and passes others on", async () => {
    const store = memoryStore();
    store.records = {
      ...store.records,
      get: () => Promise.reject(new Error('socket closed')),
      delete: () => Promise.reject(new Error('bug: wrong type')),
    };
    const guarded = guardStore(store, {
      isUnavailable: (error) => error instanceof Error && /socket/.test(error.message),
      timeoutMs: DEADLINE_MS,
      logger: recordingLogger(),
    });
    await expect(guarded.records.get('x')).rejects.toThrow(new StoreUnavailableError('records.get'));
    await expect(guarded.records.delete('x')).rejects.toThrow('bug: wrong type');
  });
});
