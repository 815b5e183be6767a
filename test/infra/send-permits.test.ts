import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openRedisEngine } from '../../src/infra/redis/redis-engine.js';
import { COUNTED_MARGIN_MS, permitFigures } from '../../src/infra/send-budget/permit-rule.js';
import { localPermits, type PermitSource } from '../../src/infra/send-budget/permit-source.js';
import { sendBudgetsOver } from '../../src/infra/send-budget/send-budgets-over.js';
import type { SendRate } from '../../src/ports/send-budget.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { dropRedisNamespace, REDIS_URL } from '../fakes/store-backends.js';

const HOUR = 3_600_000;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Subject {
  permits: PermitSource;
  /** Another instance on the same permits (Redis: another process's engine); undefined for this process's own. */
  another?: () => Promise<PermitSource>;
}

async function openRedisPermits(namespace: string): Promise<{ permits: PermitSource; close: () => Promise<void> }> {
  const engine = await openRedisEngine({
    url: REDIS_URL!,
    label: 'test redis',
    namespace,
    logger: createJsonLogger({ level: 'silent' }),
    clock: createFakeClock(0),
    timeoutMs: 5_000,
  });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= engine.close());
  cleanups.push(close);
  return { permits: engine.permits!, close };
}

async function redisSubject(): Promise<Subject> {
  const namespace = `test-${randomUUID()}`;
  cleanups.push(() => dropRedisNamespace(namespace));
  const another = async () => (await openRedisPermits(namespace)).permits;
  return { permits: await another(), another };
}

/** Tries `count` permits at once and says what each was told (0: granted). */
const tries = (permits: PermitSource, scope: string, rate: SendRate, count: number) =>
  Promise.all(Array.from({ length: count }, () => permits.tryPermit(scope, rate, randomUUID())));

function describeSources(title: string, suite: (open: () => Promise<Subject>) => void): void {
  describe(`${title} (this process)`, () => suite(async () => ({ permits: localPermits(() => Date.UTC(2026, 0, 1)) })));
  describe.skipIf(!REDIS_URL)(`${title} (redis) (needs Redis: a redis-server on PATH, or REDIS_URL)`, () =>
    suite(redisSubject),
  );
}

describeSources('send permits', (open) => {
  it('grant a burst at once, then tell the next to wait about one interval', async () => {
    const { permits } = await open();
    const rate = { limit: 3, windowMs: HOUR, burst: 2 };
    const told = await tries(permits, 'discord', rate, 4);
    expect(told.filter((wait) => wait === 0)).toHaveLength(2);
    const interval = permitFigures(rate).intervalMs;
    // Told the same one moment (the pace's next slot): about an interval from now, never more.
    for (const wait of told.filter((wait) => wait > 0)) {
      expect(wait).toBeGreaterThan(interval / 2);
      expect(wait).toBeLessThanOrEqual(Math.ceil(interval));
    }
  });

  it('never grant more than the limit within a window: the next waits for the oldest permit to leave it', async () => {
    const { permits } = await open();
    const rate = { limit: 3, windowMs: HOUR, burst: 3 };
    expect(await tries(permits, 'discord', rate, 3)).toEqual([0, 0, 0]);
    const [wait] = await tries(permits, 'discord', rate, 1);
    // Longer than the pace alone would ask (an interval: the oldest permit leaves after three), the counted window at most.
    expect(wait).toBeGreaterThan(2 * permitFigures(rate).intervalMs);
    expect(wait).toBeLessThanOrEqual(HOUR + COUNTED_MARGIN_MS);
  });

  it('hold a scope back for a pause; a shorter pause later does not shorten it', async () => {
    const { permits } = await open();
    const rate = { limit: 50, windowMs: 1000, burst: 50 };
    await permits.pause('discord', HOUR);
    await permits.pause('discord', 1000);
    const [wait] = await tries(permits, 'discord', rate, 1);
    expect(wait).toBeGreaterThan(HOUR / 2);
    expect(wait).toBeLessThanOrEqual(HOUR);
  });

  it('keep each scope to its own budget (one Slack workspace does not hold up another)', async () => {
    const { permits } = await open();
    const rate = { limit: 1, windowMs: HOUR, burst: 1 };
    expect(await tries(permits, 'slack:T1', rate, 2)).toEqual([0, expect.any(Number)]);
    await permits.pause('slack:T1', HOUR);
    expect(await tries(permits, 'slack:T2', rate, 1)).toEqual([0]);
  });

  it('refuse a rate no budget can keep', async () => {
    const { permits } = await open();
    for (const rate of [
      { limit: 0, windowMs: 1000, burst: 1 },
      { limit: 10, windowMs: 0, burst: 1 },
      { limit: 10, windowMs: 1000, burst: 11 },
      { limit: 2.5, windowMs: 1000, burst: 1 },
    ])
      await expect(permits.tryPermit('discord', rate, 'p1')).rejects.toThrow('a send rate needs');
  });
});

describe.skipIf(!REDIS_URL)('send permits shared on Redis (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it('are one budget for every instance: what one took, the others cannot take again', async () => {
    const subject = await redisSubject();
    const second = await subject.another!();
    const rate = { limit: 2, windowMs: HOUR, burst: 2 };
    expect(await tries(subject.permits, 'discord', rate, 2)).toEqual([0, 0]);
    const [wait] = await tries(second, 'discord', rate, 1);
    expect(wait).toBeGreaterThan(HOUR / 2);
  });

  it('are held back for every instance by a pause one of them set (a global 429)', async () => {
    const subject = await redisSubject();
    const others = [await subject.another!(), await subject.another!()];
    await subject.permits.pause('discord', HOUR);
    for (const other of others) {
      const [wait] = await tries(other, 'discord', { limit: 50, windowMs: 1000, burst: 50 }, 1);
      expect(wait).toBeGreaterThan(HOUR / 2);
    }
  });

  it('taken by an instance that then died come back within one window', async () => {
    const namespace = `test-${randomUUID()}`;
    cleanups.push(() => dropRedisNamespace(namespace));
    const dying = await openRedisPermits(namespace);
    const rate = { limit: 48, windowMs: 1000, burst: 48 };
    expect(new Set(await tries(dying.permits, 'discord', rate, 48))).toEqual(new Set([0]));
    await dying.close();
    const survivor = (await openRedisPermits(namespace)).permits;
    const [wait] = await tries(survivor, 'discord', rate, 1);
    // The whole second's budget was taken: the survivor waits for it, and not a moment past the counted window.
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000 + COUNTED_MARGIN_MS);
  });

  it('are shared fairly: three instances asking all at once each get a fair part', { timeout: 30_000 }, async () => {
    const namespace = `test-${randomUUID()}`;
    cleanups.push(() => dropRedisNamespace(namespace));
    const instances = await Promise.all(
      [0, 1, 2].map(async () => sendBudgetsOver((await openRedisPermits(namespace)).permits)),
    );
    const rate = { limit: 50, windowMs: 1000, burst: 2 };
    const order: number[] = [];
    // Each instance has 40 sends waiting: 120 in all, at 50 a second.
    await Promise.all(
      instances.flatMap((budgets, index) => {
        const budget = budgets.scope('discord', rate);
        return Array.from({ length: 40 }, () => budget.withPermit(async () => order.push(index)));
      }),
    );
    const firstHalf = order.slice(0, 60);
    // A fair part is 20 of the first 60; none is starved while the others drain theirs.
    for (const index of [0, 1, 2])
      expect(firstHalf.filter((taker) => taker === index).length).toBeGreaterThanOrEqual(6);
  });
});
