import type { LearningPath } from '../curriculum/learning-path.js';
import type { UserRef } from '../model/invocation.js';
import type { LearnerRecord, Mark, PathState, Reminder } from '../model/learner.js';
import { isoInZone } from '../reminders/zoned-time.js';
import { decodeBoardId } from '../model/board-id.js';
import { describeDays } from '../reminders/parse-days.js';
import { EVERY_DAY } from '../reminders/study-calendar.js';
import { nudgeSetting } from '../reminders/streak-nudge.js';

/**
 * Everything stored in a learner's record, for the learner to read: times in ISO 8601 in their zone, items by
 * title and id, plain names for the rest. Every stored field appears (a test holds it to the schema).
 */
export function learnerExport(
  record: LearnerRecord,
  user: Pick<UserRef, 'platform' | 'workspace' | 'id'>,
  known: LearningPath,
): Record<string, unknown> {
  const zone = record.zone ?? 'UTC';
  const at = (epochMs: number | null) => (epochMs === null ? null : isoInZone(zone, epochMs));
  return {
    you: { platform: user.platform, workspace: user.workspace, userId: user.id, name: record.name },
    timeZone: record.zone ?? null,
    firstSeen: at(record.createdAt),
    lastChanged: at(record.updatedAt),
    hiddenFromLeaderboards: record.hidden,
    leaderboards: record.boards.map(describeBoard),
    directMessageChannel: record.dmAddress ?? null,
    cannotMessageYou: record.undeliverable
      ? { reason: record.undeliverable.reason, since: at(record.undeliverable.at), toldYou: record.undeliverable.told }
      : null,
    unreadableProgressSetAside: record.setAside ? { at: at(record.setAside.at), toldYou: record.setAside.told } : null,
    paths: Object.fromEntries(
      Object.entries(record.paths).map(([name, state]) => [
        name,
        describePath(state, name === known.command ? known : undefined, at),
      ]),
    ),
    storedAs: { formatVersion: record.v, revision: record.rev },
  };
}

type At = (epochMs: number | null) => string | null;

function describePath(state: PathState, path: LearningPath | undefined, at: At): Record<string, unknown> {
  const item = (id: string) => {
    const title =
      path?.resources.find((resource) => resource.id === id)?.title ??
      path?.checklist.find((entry) => entry.id === id)?.text;
    return title ? `${title} (${id})` : id;
  };
  const mark = (value: Mark) => ({ status: value.status, at: at(value.at) });
  return {
    started: at(state.startedAt),
    marks: Object.fromEntries(Object.entries(state.marks).map(([id, value]) => [item(id), mark(value)])),
    undoHistory: state.history.map((entry) => ({
      item: item(entry.item),
      at: at(entry.at),
      before: entry.previous ? mark(entry.previous) : { status: 'not started' },
    })),
    phasesAnnounced: state.announcedPhases.map((id) => {
      const phase = path?.phases.find((candidate) => candidate.id === id);
      return phase ? `Phase ${phase.number}: ${phase.title} (${id})` : id;
    }),
    reminder: state.reminder ? describeReminder(state.reminder, at) : null,
    plan: state.plan
      ? {
          minutesPerStudyDay: state.plan.minutesPerDay,
          firstDay: state.plan.since,
          minutesOnFirstDay: state.plan.firstDayMinutes,
          resources: state.plan.resources.map(item),
          finishBy: state.plan.by ?? null,
        }
      : null,
    pauses: (state.pauses ?? []).map((pause) => ({ from: pause.from, backOn: pause.until })),
  };
}

function describeReminder(reminder: Reminder, at: At): Record<string, unknown> {
  return {
    dailyAt: reminder.time,
    timeZone: reminder.zone,
    on: reminder.enabled,
    next: at(reminder.nextAt),
    unansweredInARow: reminder.ignored,
    paused: reminder.paused,
    snoozedUntil: at(reminder.snoozeAt),
    days: describeDays(reminder.days ?? EVERY_DAY),
    streakNudge: {
      on: nudgeSetting(reminder).enabled,
      at: nudgeSetting(reminder).time,
      next: at(reminder.nudgeAt ?? null),
    },
  };
}

/** "console:local:study:webrtc#week:2026-W49" -> { channel: "study", path: "webrtc", week: "2026-W49" }. */
function describeBoard(board: string): Record<string, string> {
  const parts = decodeBoardId(board);
  if (!parts) return { board };
  const { channel, path, week } = parts;
  return week ? { channel, path, week } : { channel, path };
}
