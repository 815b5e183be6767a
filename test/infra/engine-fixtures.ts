import {
  noRowChanges,
  type BoardRow,
  type EngineCommit,
  type RowChanges,
  type SetRow,
} from '../../src/infra/store-engine.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import { encodeIndexSet } from '../../src/model/index-set.js';
import { encodeLearnerId, encodeWorkspaceId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { BoardEntry, SetAsideRecord } from '../../src/ports/store.js';

/** What the engine tests commit: learners, boards and index sets as the core names them. */
export const START = Date.UTC(2026, 10, 24, 10);
export const learner = (id: string): LearnerId => encodeLearnerId({ platform: 'slack', workspace: 'T1', id });
export const ANA = learner('ana');
export const BOB = learner('bob');
export const CY = learner('cy');
/** A name with every character a key could trip on. */
export const DEE = learner('dee:#|ü');
export const BOARD = encodeBoardId({ platform: 'slack', workspace: 'T1', channel: 'C1', path: 'webrtc' });
export const WEEK_BOARD = encodeBoardId({
  platform: 'slack',
  workspace: 'T1',
  channel: 'C1',
  path: 'webrtc',
  week: '2026-W48',
});
export const WORKSPACE = encodeIndexSet({ kind: 'workspace', workspace: encodeWorkspaceId('slack', 'T1') });
export const DUE = encodeIndexSet({ kind: 'reminders', minute: START / 60_000 });
export const DIGEST_DUE = encodeIndexSet({ kind: 'digests', minute: START / 60_000 + 60 });
export const slotOf = (id: LearnerId) => encodeSlotId({ learner: id, path: 'webrtc' });

export function entry(member: LearnerId, completed: number, minutes: number, reachedAt = START): BoardEntry {
  return { member, name: `Name of ${member}`, completed, minutes, reachedAt };
}

export const rows = (changes: Partial<RowChanges>): RowChanges => ({ ...noRowChanges(), ...changes });

/** A learner's record written with its workspace row and, when given, its row on BOARD. */
export function save(id: LearnerId, text: string, expected: string | undefined, board?: BoardEntry): EngineCommit {
  return {
    record: { kind: 'learner', key: id, expected, next: text },
    rows: rows({ addSets: [{ set: WORKSPACE, member: id }], putBoards: board ? [{ board: BOARD, entry: board }] : [] }),
  };
}

export function setAsideEntry(at: number): SetAsideRecord {
  return { at, issues: ['marks'], raw: { marks: 'not an object', at } };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export const bySetRow = (a: SetRow, b: SetRow) => `${a.set}\n${a.member}`.localeCompare(`${b.set}\n${b.member}`);
export const byBoardRow = (a: BoardRow, b: BoardRow) =>
  `${a.board}\n${a.entry.member}`.localeCompare(`${b.board}\n${b.entry.member}`);
