import { batchedClaims } from '../../src/reminders/batched-claims.js';
import { LEASE_MS } from '../../src/reminders/deliver-reminder.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { DEFAULT_REMINDER_OPTIONS } from '../../src/reminders/reminder-job.js';
import type { Store } from '../../src/ports/store.js';
import type { Dataset } from './bench-datasets.js';
import { benchLearner } from './bench-learners.js';
import { inPool, median, summarize, type LatencySummary } from './latency-stats.js';

const PROBE_REPEATS = 10;
const MINUTE_MS = 60_000;

export interface TickMeasurement {
  learners: number;
  /** Time to read one minute's slot and claim everyone in it (ms), over minutes sampled across the day. */
  minute: LatencySummary;
  duePerMinute: number;
  /** The same for a minute holding exactly `probeDue` learners (ms, median), whatever the total. */
  probeMs: number;
  probeDue: number;
}

/**
 * What a reminder tick costs the store before any message goes out: read the minute's slot
 * (store.learners.due) and claim a lease on each learner in it, as many at once as the job runs, batched
 * as the job batches them (batchedClaims).
 * Minutes are sampled across the coming day, each claimed once as a real tick would; then the first
 * `probeDue` learners snooze to a minute three days out (through `learners.update`, which files the slot),
 * so every size has a minute holding the same learners and the sizes compare like for like.
 */
export async function measureTick(dataset: Dataset, minutes: number, probeDue: number): Promise<TickMeasurement> {
  const { store, clock, learners } = dataset;
  const first = minuteOf(clock.now()) + 1;
  const sampled = Array.from({ length: minutes }, (_, index) => first + Math.floor((index * 1440) / minutes));
  // One unmeasured minute first: the first call on a connection pays for setting it up.
  await store.learners.due(first - 1);
  const times: number[] = [];
  let due = 0;
  for (const minute of sampled) {
    const { ms, claimed } = await findAndClaim(store, minute, `bench-${minute}`);
    times.push(ms);
    due += claimed;
  }
  const probe = first + 3 * 1440;
  for (let index = 0; index < probeDue; index += 1) {
    await store.learners.update(benchLearner(index), (record) => {
      record!.paths.webrtc!.reminder!.snoozeAt = probe * MINUTE_MS;
      return { next: record, result: undefined };
    });
  }
  const probes: number[] = [];
  for (let repeat = 0; repeat < PROBE_REPEATS; repeat += 1)
    probes.push((await findAndClaim(store, probe, `probe-${repeat}`)).ms);
  const found = (await store.learners.due(probe)).length;
  if (found !== probeDue) throw new Error(`the probe minute holds ${found} slots, expected ${probeDue}`);
  return { learners, minute: summarize(times), duePerMinute: due / sampled.length, probeMs: median(probes), probeDue };
}

async function findAndClaim(
  store: Store,
  minute: number,
  occurrence: string,
): Promise<{ ms: number; claimed: number }> {
  const started = performance.now();
  const slots = await store.learners.due(minute);
  // As the reminder job claims them: each worker asks for its lease, and the asks go to the store in batches.
  const claimLease = batchedClaims(store.claims, LEASE_MS);
  await inPool(slots, DEFAULT_REMINDER_OPTIONS.concurrency, async (slot) => {
    if (!(await claimLease(`lease:${slot}@${occurrence}`))) throw new Error(`the lease of ${slot} was held already`);
  });
  return { ms: performance.now() - started, claimed: slots.length };
}
