import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { activeWeekBoards } from '../../src/learners/learner-rows.js';
import { encodeBoardId, type BoardId } from '../../src/model/board-id.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, type LearnerId } from '../../src/model/learner-id.js';
import type { Store } from '../../src/ports/store.js';
import { nextOccurrence } from '../../src/reminders/zoned-time.js';
import { inPool } from './latency-stats.js';

/** Every benchmark learner talks in this one channel: the worst case for its leaderboard. */
export const BENCH_CHANNEL: ChannelRef = { id: 'bench-channel' };
/** Zones the reminders are spread over (local times spread over the day in each). */
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const DAY_MS = 86_400_000;
const SEED_CONCURRENCY = 16;

export function benchUser(index: number): UserRef {
  return { platform: 'console', workspace: 'bench', id: `learner-${index}`, displayName: `learner-${index}` };
}

export function benchLearner(index: number): LearnerId {
  return encodeLearnerId(benchUser(index));
}

/** The channel's all-time board of a path, which every benchmark learner is on. */
export function benchBoard(path: string): BoardId {
  return encodeBoardId({ platform: 'console', workspace: 'bench', channel: BENCH_CHANNEL.id, path });
}

/** A small deterministic generator, so two runs store the same learners. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A learner as the bot would have stored them after a few weeks: 1 to 5 resources done (some this week),
 * so on the channel's board (and maybe this week's), with a daily reminder at a local time spread over the day.
 */
function learnerRecordFor(index: number, path: LearningPath, now: number, random: () => number): LearnerRecord {
  const user = benchUser(index);
  const record = newLearnerRecord(user.displayName!, now - 30 * DAY_MS);
  const state = emptyPathState(now - 30 * DAY_MS);
  const done = 1 + Math.floor(random() * Math.min(5, path.resources.length - 1));
  path.resources.slice(0, done).forEach((resource, position) => {
    state.marks[resource.id] = { status: 'done', at: now - (done - position) * random() * 5 * DAY_MS };
  });
  state.marks = Object.fromEntries(
    Object.entries(state.marks).map(([id, mark]) => [id, { ...mark, at: Math.floor(mark.at) }]),
  );
  // Each block of 1,440 learners is in one zone, so every UTC minute of the day gets its share.
  const zone = ZONES[Math.floor(index / 1440) % ZONES.length]!;
  // 7 and 1,440 share no factor: every 1,440 learners cover each minute of the day once.
  const minuteOfDay = (index * 7) % 1440;
  const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
  state.reminder = {
    time,
    zone,
    enabled: true,
    nextAt: nextOccurrence(zone, time, now),
    ignored: 0,
    paused: false,
    snoozeAt: null,
  };
  record.paths[path.command] = state;
  record.zone = zone;
  record.boards = [benchBoard(path.command)];
  record.boards.push(...activeWeekBoards(path, record, benchLearner(index), 'UTC', now));
  return record;
}

/**
 * Stores `count` learners through the store's one write path, `learners.update`, as the core writes them:
 * the store derives and commits their board rows, reminder slot and workspace index with each record.
 */
export async function seedLearners(
  store: Store,
  path: LearningPath,
  count: number,
  now: number,
  progress?: (done: number) => void,
): Promise<void> {
  const random = seededRandom(count);
  const records = Array.from({ length: count }, (_, index) => learnerRecordFor(index, path, now, random));
  await inPool(records, SEED_CONCURRENCY, async (record, index) => {
    await store.learners.update(benchLearner(index), () => ({ next: record, result: undefined }));
    if ((index + 1) % 10_000 === 0) progress?.(index + 1);
  });
}
