import type { LearningPath } from '../curriculum/learning-path.js';
import type { CoreDeps } from '../learners/core-deps.js';
import { decodeSlotId, type ReminderSlotId } from '../model/slot-id.js';
import { minuteOf } from './minute-of.js';
import { batchedClaims } from './batched-claims.js';
import { deliverReminder, LEASE_MS, type Outcome } from './deliver-reminder.js';

const MINUTE_MS = 60_000;

/** How the reminder job behaves; defaults come from the zod config. */
export interface ReminderJobOptions {
  /** Reminders that fell due within this window are still sent (after downtime); older ones are skipped. */
  catchUpMinutes: number;
  /** Each tick also looks this far back, to finish work an instance left half done (its lease expired). */
  lookbackMinutes: number;
  /** At start-up, how far back to look for reminders missed while down (they are skipped or caught up). */
  startupScanMinutes: number;
  /** Reminders handled at once; messengers pace the actual sends. */
  concurrency: number;
  /** Send attempts before giving up on a transient failure. */
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_REMINDER_OPTIONS: ReminderJobOptions = {
  catchUpMinutes: 120,
  lookbackMinutes: 15,
  startupScanMinutes: 8 * 24 * 60,
  concurrency: 32,
  attempts: 4,
  backoffMs: 1_000,
};

export type TickReport = Record<Outcome, number>;

/** The per-minute reminder tick: reads only the index slots that are due, never every learner. */
export function createReminderJob(
  deps: CoreDeps & { paths: readonly LearningPath[] },
  options: ReminderJobOptions = DEFAULT_REMINDER_OPTIONS,
) {
  let stopped = false;
  // The leases of the workers under way go to the store together (one statement or script per batch).
  const claimLease = batchedClaims(deps.store.claims, LEASE_MS);
  // The error edge of the job: one learner's failure is logged and counted, and everyone else's reminder goes on.
  const handle = async (member: ReminderSlotId, minute: number, now: number): Promise<Outcome> => {
    const target = decodeSlotId(member);
    try {
      if (!target) return (await deps.store.learners.settle(minute, member), 'stale');
      const due = { member, learnerKey: target.learner, path: target.path, slotAt: minute * MINUTE_MS, now };
      return await deliverReminder(deps, options, due, claimLease);
    } catch (error) {
      deps.logger.error('reminder failed for one learner; the others go on', {
        learner: target?.learner,
        member,
        error,
      });
      return 'failed';
    }
  };
  const scan = async (fromMinute: number, toMinute: number): Promise<TickReport> => {
    const report = emptyReport();
    const now = deps.clock.now();
    for (let minute = fromMinute; minute <= toMinute && !stopped; minute += 1) {
      const members = await deps.store.learners.due(minute);
      await inBatches(
        members,
        options.concurrency,
        () => stopped,
        async (member) => {
          report[await handle(member, minute, now)] += 1;
        },
      );
    }
    return report;
  };
  return {
    /** Run every minute: sends what is due now and finishes anything left within the look-back. */
    async tick(): Promise<TickReport> {
      const current = minuteOf(deps.clock.now());
      return scan(current - options.lookbackMinutes, current);
    },
    /** Run once at start-up: catches up recent reminders missed while down, skips older ones, and says so. */
    async catchUp(): Promise<TickReport> {
      const current = minuteOf(deps.clock.now());
      const report = await scan(current - options.startupScanMinutes, current);
      deps.logger.info('reminder catch-up after start', { windowMinutes: options.catchUpMinutes, ...report });
      return report;
    },
    /**
     * Shutdown: no new delivery starts; those under way finish. What is left stays in the due index,
     * where another instance's tick or the next start's catch-up finds it.
     */
    stop(): void {
      stopped = true;
    },
  };
}

function emptyReport(): TickReport {
  return {
    sent: 0,
    'already-sent': 0,
    'too-old': 0,
    'not-needed': 0,
    finished: 0,
    undeliverable: 0,
    stale: 0,
    busy: 0,
    failed: 0,
    'no-messenger': 0,
  };
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  stopped: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
