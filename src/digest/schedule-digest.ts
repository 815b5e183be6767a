import type { BoardIdParts } from '../model/board-id.js';
import { encodeBoardId } from '../model/board-id.js';
import type { DigestSettings } from '../model/digest-settings.js';
import type { Store } from '../ports/store.js';
import { nextWeeklyOccurrence } from '../reminders/zoned-time.js';

/** What a digest is set to: its channel's board, a weekday (0 = Sunday) and a time of day in `zone`. */
export interface DigestChoice {
  board: Omit<BoardIdParts, 'week'>;
  weekday: number;
  time: string;
  zone: string;
}

/**
 * Sets a channel's weekly digest (from chat or from the dashboard): the settings and their due slot are
 * committed together, so the very next tick goes by them.
 */
export async function scheduleDigest(store: Store, choice: DigestChoice, now: number): Promise<DigestSettings> {
  const board = encodeBoardId(choice.board);
  const digest: DigestSettings = {
    v: 1,
    platform: choice.board.platform,
    workspace: choice.board.workspace,
    channelId: choice.board.channel,
    path: choice.board.path,
    board,
    weekday: choice.weekday,
    time: choice.time,
    zone: choice.zone,
    nextAt: nextWeeklyOccurrence(choice.zone, choice.weekday, choice.time, now),
  };
  await store.digests.update(board, () => ({ next: digest, result: undefined }));
  return digest;
}

/** Turns a channel's digest off; true when it had one. */
export async function stopDigest(store: Store, board: Omit<BoardIdParts, 'week'>): Promise<boolean> {
  const previous = await store.digests.update(encodeBoardId(board), (current) => ({
    next: current && null,
    result: current,
  }));
  return previous !== undefined;
}
