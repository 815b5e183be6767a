import { describe, expect, it } from 'vitest';
import { permitFigures } from '../../src/infra/send-budget/permit-rule.js';
import { localPermits, type PermitSource } from '../../src/infra/send-budget/permit-source.js';
import { SHARED_JITTER_MS, sendBudgetsOver } from '../../src/infra/send-budget/send-budgets-over.js';
import type { SendRate } from '../../src/ports/send-budget.js';

/** A clock that moves only when a taker sleeps (or the test says so): waits are exact, nothing really waits. */
function fakeTime(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

/** This process's budgets on the fake clock, and when each permit was granted. */
function budgetOn(time: ReturnType<typeof fakeTime>, rate: SendRate, source: PermitSource = localPermits(time.now)) {
  const budget = sendBudgetsOver(source, { sleep: time.sleep }).scope('slack:T1', rate);
  const granted: number[] = [];
  return { budget, granted, take: () => budget.withPermit(async () => granted.push(time.now())) };
}

/** To the microsecond, as the budgets keep time (floating-point sums differ further down). */
const micro = (ms: number) => Math.round(ms * 1000) / 1000;

/** The most permits granted within any `windowMs` (each window starting at a grant). */
const busiestWindow = (granted: number[], windowMs: number) =>
  Math.max(0, ...granted.map((start) => granted.filter((at) => at >= start && at < start + windowMs).length));

describe('send budgets in this process (on a fake clock)', () => {
  it('let a burst through, then space takers evenly, in the order they asked', async () => {
    const time = fakeTime();
    const rate = { limit: 60, windowMs: 60_000, burst: 2 };
    const { take, granted } = budgetOn(time, rate);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((index) => take().then(() => order.push(index))));
    const interval = micro(permitFigures(rate).intervalMs);
    expect(time.waits.map(micro)).toEqual([interval, interval]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(granted.map((at) => micro(at - granted[0]!))).toEqual([
      0,
      0,
      interval,
      micro(2 * permitFigures(rate).intervalMs),
    ]);
  });

  it('fill up again with time: a send after a quiet spell goes at once', async () => {
    const time = fakeTime();
    const rate = { limit: 120, windowMs: 60_000, burst: 1 };
    const { take } = budgetOn(time, rate);
    await take();
    time.advance(200);
    await take();
    time.advance(permitFigures(rate).intervalMs);
    await take();
    expect(time.waits.map(micro)).toEqual([micro(permitFigures(rate).intervalMs - 200)]);
  });

  it('never let more than the limit go within one window, even when sends bunch up after a stall', async () => {
    const time = fakeTime();
    // A workspace's budget, with the burst of about a second Slack gets: 20 a minute, 10 at once.
    const rate = { limit: 20, windowMs: 60_000, burst: 10 };
    const { take, granted } = budgetOn(time, rate);
    for (let round = 0; round < 8; round += 1) {
      await Promise.all(Array.from({ length: 7 }, take));
      time.advance(25_000); // nobody asked for a while: the burst allowance is back
    }
    expect(granted).toHaveLength(56);
    expect(busiestWindow(granted, 60_000)).toBe(20);
  });

  it('count a permit until one window after its send was answered: a slow request keeps its place', async () => {
    const time = fakeTime();
    const rate = { limit: 2, windowMs: 1000, burst: 2 };
    const { budget, take, granted } = budgetOn(time, rate);
    // The first request takes 600 ms to be answered (a cold connection): Discord may have seen it at any moment of those.
    await budget.withPermit(async () => time.advance(600));
    const answeredAt = time.now();
    await take();
    await take();
    // The third waits for the first to leave the window, counted from its answer, not from its grant.
    expect(micro(granted[1]! - answeredAt)).toBe(micro(permitFigures(rate).countedMs));
  });

  it('settle a permit whose send failed too, and pass the failure on', async () => {
    const time = fakeTime();
    const { budget, take, granted } = budgetOn(time, { limit: 1, windowMs: 1000, burst: 1 });
    await expect(budget.withPermit(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await take();
    expect(granted).toHaveLength(1);
  });

  it('hold every taker back for a pause (a 429), then go on at the pace, not all at once', async () => {
    const time = fakeTime();
    const rate = { limit: 600, windowMs: 60_000, burst: 5 };
    const { budget, take, granted } = budgetOn(time, rate);
    await take();
    await budget.pause(3000);
    const paused = time.now();
    await Promise.all(Array.from({ length: 8 }, take));
    const after = granted.slice(1).map((at) => at - paused);
    expect(after[0]).toBe(3000);
    // The burst allowance is all there is after the pause: then the even pace again.
    const { intervalMs } = permitFigures(rate);
    expect(micro(after.at(-1)!)).toBe(micro(3000 + (8 - rate.burst) * intervalMs));
  });

  it('a try that fails fails its own taker only; the next one still gets its permit', async () => {
    const time = fakeTime();
    const inner = localPermits(time.now);
    let failNext = true;
    const flaky: PermitSource = {
      ...inner,
      tryPermit: async (scope, rate, id) => {
        if (!failNext) return inner.tryPermit(scope, rate, id);
        failNext = false;
        throw new Error('store unavailable');
      },
    };
    const { take } = budgetOn(time, { limit: 10, windowMs: 1000, burst: 1 }, flaky);
    const results = await Promise.allSettled([take(), take()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('add a little jitter to the waits on shared permits only', async () => {
    const time = fakeTime();
    const rate = { limit: 10, windowMs: 1000, burst: 1 };
    const shared: PermitSource = { ...localPermits(time.now), shared: true };
    const budget = sendBudgetsOver(shared, { sleep: time.sleep, random: () => 1 }).scope('discord', rate);
    await Promise.all([budget.withPermit(async () => 1), budget.withPermit(async () => 2)]);
    expect(time.waits.map(micro)).toEqual([micro(permitFigures(rate).intervalMs + SHARED_JITTER_MS)]);
    expect(sendBudgetsOver(shared).shared).toBe(true);
    expect(sendBudgetsOver(localPermits()).shared).toBe(false);
  });
});
