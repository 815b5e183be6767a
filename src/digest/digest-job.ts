import { withoutButtons } from '../actions/address-reply.js';
import type { LearningPath } from '../curriculum/learning-path.js';
import type { CoreDeps } from '../learners/core-deps.js';
import { isoWeekOf } from '../learners/iso-week.js';
import { LEASE_MS, SENT_MARK_MS } from '../reminders/deliver-reminder.js';
import type { BoardId } from '../model/board-id.js';
import { minuteOf } from '../reminders/minute-of.js';
import type { ReminderJobOptions } from '../reminders/reminder-job.js';
import { nextWeeklyOccurrence } from '../reminders/zoned-time.js';
import type { DigestSettings } from '../model/digest-settings.js';
import { digestReply } from './digest-reply.js';
import { readCommunityZone } from '../community/community-zone.js';
import { encodeWorkspaceId } from '../model/learner-id.js';

const MINUTE_MS = 60_000;
export type DigestOutcome = 'posted' | 'too-old' | 'stale' | 'busy' | 'failed' | 'no-messenger';

/** The weekly digest tick: posts each due channel digest once per week (lease, then a "sent" mark). */
export function createDigestJob(deps: CoreDeps & { paths: readonly LearningPath[] }, options: ReminderJobOptions) {
  const deliver = async (board: BoardId, slotAt: number, now: number): Promise<DigestOutcome> => {
    const digest = await deps.store.digests.get(board);
    const path = deps.paths.find((candidate) => candidate.command === digest?.path);
    if (!digest || !path || minuteOf(digest.nextAt) !== minuteOf(slotAt)) {
      await deps.store.digests.settle(minuteOf(slotAt), board);
      return 'stale';
    }
    const occurrence = `${board}@${isoWeekOf(digest.zone, slotAt)}`;
    const advance = () => reschedule(deps, digest, slotAt, now);
    if (now - slotAt > options.catchUpMinutes * MINUTE_MS) return (await advance(), 'too-old');
    if (await deps.store.records.get(`sent:${occurrence}`)) return (await advance(), 'posted');
    const messenger = deps.messengers.get(digest.platform);
    if (!messenger?.postToChannel) return 'no-messenger';
    if (!(await deps.store.claims.claim(`lease:${occurrence}`, LEASE_MS))) return 'busy';
    try {
      await messenger.postToChannel(
        { workspace: digest.workspace, channelId: digest.channelId },
        withoutButtons(await digestReply(deps.store, path, digest, slotAt)),
        occurrence,
      );
    } catch (error) {
      deps.logger.warn('weekly digest not posted; will retry when the lease expires', { board, error });
      return 'failed';
    }
    await deps.store.records.set(`sent:${occurrence}`, true, SENT_MARK_MS);
    await advance();
    return 'posted';
  };
  // The error edge of the job: one channel's failure is logged and counted, and every other digest goes on.
  const deliverIsolated = async (board: BoardId, slotAt: number, now: number): Promise<DigestOutcome> => {
    try {
      return await deliver(board, slotAt, now);
    } catch (error) {
      deps.logger.error('weekly digest failed for one channel; the others go on', { board, error });
      return 'failed';
    }
  };
  let stopped = false;
  return {
    async tick(): Promise<Record<DigestOutcome, number>> {
      const report: Record<DigestOutcome, number> = {
        posted: 0,
        'too-old': 0,
        stale: 0,
        busy: 0,
        failed: 0,
        'no-messenger': 0,
      };
      const now = deps.clock.now();
      const current = minuteOf(now);
      for (let minute = current - options.lookbackMinutes; minute <= current && !stopped; minute += 1) {
        for (const board of await deps.store.digests.due(minute)) {
          if (stopped) break;
          report[await deliverIsolated(board, minute * MINUTE_MS, now)] += 1;
        }
      }
      return report;
    },
    /** Shutdown: the post under way finishes, no new one starts; the rest stay due for the next tick anywhere. */
    stop(): void {
      stopped = true;
    },
  };
}

/**
 * The next week's digest; its slot moves with the settings. Turned off or moved meanwhile, it is left alone.
 * A community time zone changed on the dashboard since this digest was set applies from the next one on.
 */
async function reschedule(deps: CoreDeps, digest: DigestSettings, slotAt: number, now: number): Promise<void> {
  const community = encodeWorkspaceId(digest.platform, digest.workspace);
  const zone = await readCommunityZone(deps.store.records, community, digest.zone);
  const nextAt = nextWeeklyOccurrence(zone, digest.weekday, digest.time, Math.max(now, slotAt));
  await deps.store.digests.update(digest.board, (current) =>
    current && minuteOf(current.nextAt) === minuteOf(slotAt)
      ? { next: { ...current, zone, nextAt }, result: undefined }
      : { result: undefined },
  );
}
