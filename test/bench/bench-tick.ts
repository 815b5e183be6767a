import { learnerKey } from '../../src/model/learner-key.js';
import { LEASE_MS } from '../../src/reminders/deliver-reminder.js';
import { DEFAULT_REMINDER_OPTIONS } from '../../src/reminders/reminder-job.js';
import { minuteOf, reminderMember } from '../../src/reminders/reminder-slot.js';
import type { Store } from '../../src/ports/store.js';
import type { Dataset } from './bench-datasets.js';
import { benchUser } from './bench-learners.js';
import { inPool, median, summarize, type LatencySummary } from './latency-stats.js';

const PROBE_REPEATS = 10;

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
 * (store.reminders.due) and claim a lease on each learner in it, as many at once as the job runs.
 * Minutes are sampled across the coming day, each claimed once as a real tick would; then a minute three
 * days out is given the same `probeDue` learners at every size, so the sizes can be compared like for like.
 */
export async function measureTick(dataset: Dataset, minutes: number, probeDue: number): Promise<TickMeasurement> {
  const { store, clock, learners } = dataset;
  const first = minuteOf(clock.now()) + 1;
  const sampled = Array.from({ length: minutes }, (_, index) => first + Math.floor((index * 1440) / minutes));
  // One unmeasured minute first: the first call on a connection pays for setting it up.
  await store.reminders.due(first - 1);
  const times: number[] = [];
  let due = 0;
  for (const minute of sampled) {
    const { ms, claimed } = await findAndClaim(store, minute, `bench-${minute}`);
    times.push(ms);
    due += claimed;
  }
  const probe = first + 3 * 1440;
  for (let index = 0; index < probeDue; index += 1)
    await store.reminders.add(probe, reminderMember(learnerKey(benchUser(index)), 'webrtc'));
  const probes: number[] = [];
  for (let repeat = 0; repeat < PROBE_REPEATS; repeat += 1)
    probes.push((await findAndClaim(store, probe, `probe-${repeat}`)).ms);
  return { learners, minute: summarize(times), duePerMinute: due / sampled.length, probeMs: median(probes), probeDue };
}

async function findAndClaim(
  store: Store,
  minute: number,
  occurrence: string,
): Promise<{ ms: number; claimed: number }> {
  const started = performance.now();
  const members = await store.reminders.due(minute);
  await inPool(members, DEFAULT_REMINDER_OPTIONS.concurrency, async (member) => {
    await store.claims.claim(`lease:${member}@${occurrence}`, LEASE_MS);
  });
  return { ms: performance.now() - started, claimed: members.length };
}
