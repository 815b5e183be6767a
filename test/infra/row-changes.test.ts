import { describe, expect, it } from 'vitest';
import { rowChanges, type EncodedRows } from '../../src/infra/row-changes.js';
import type { LearnerId } from '../../src/model/learner-id.js';
import type { BoardEntry } from '../../src/ports/store.js';

const ana = 'console:local:ana' as LearnerId;
const entry = (completed: number, name = 'Ana'): BoardEntry => ({
  member: ana,
  name,
  completed,
  minutes: completed * 10,
  reachedAt: 5,
});
const rows = (sets: Array<[string, string]>, boards: Array<[string, BoardEntry]>): EncodedRows => ({
  sets: sets.map(([set, member]) => ({ set, member })),
  boards: boards.map(([board, row]) => ({ board, entry: row })),
  rosters: [],
});

describe('the row changes between what two records derive', () => {
  it('adds, removes and writes again only what differs', () => {
    const before = rows(
      [
        ['workspace:console:local', ana],
        ['due:1', `${ana}#webrtc`],
      ],
      [
        ['all', entry(1)],
        ['week', entry(1)],
        ['gone', entry(1)],
      ],
    );
    const after = rows(
      [
        ['workspace:console:local', ana],
        ['due:2', `${ana}#webrtc`],
      ],
      [
        ['all', entry(2)],
        ['week', entry(1)],
        ['new', entry(1)],
      ],
    );
    expect(rowChanges(before, after)).toEqual({
      addSets: [{ set: 'due:2', member: `${ana}#webrtc` }],
      removeSets: [{ set: 'due:1', member: `${ana}#webrtc` }],
      putBoards: [
        { board: 'all', entry: entry(2) },
        { board: 'new', entry: entry(1) },
      ],
      removeBoards: [{ board: 'gone', member: ana }],
      putRosters: [],
      removeRosters: [],
    });
  });

  it('files a row listed twice once (a snooze in the minute of the daily reminder), and a renamed row again', () => {
    const slot = `${ana}#webrtc`;
    const after = rows(
      [
        ['due:7', slot],
        ['due:7', slot],
      ],
      [
        ['all', entry(1, 'Ana B')],
        ['all', entry(1, 'Ana B')],
      ],
    );
    const changes = rowChanges(rows([], [['all', entry(1)]]), after);
    expect(changes.addSets).toEqual([{ set: 'due:7', member: slot }]);
    expect(changes.putBoards).toEqual([{ board: 'all', entry: entry(1, 'Ana B') }]);
    expect(rowChanges(after, after)).toEqual({
      addSets: [],
      removeSets: [],
      putBoards: [],
      removeBoards: [],
      putRosters: [],
      removeRosters: [],
    });
  });

  it('moves a roster row only when its key changed, and takes out one no longer derived', () => {
    const withRosters = (rosters: Array<[string, string]>): EncodedRows => ({
      ...rows([], []),
      rosters: rosters.map(([roster, key]) => ({ roster, member: ana, key })),
    });
    const changes = rowChanges(
      withRosters([
        ['by-name', 'ana'],
        ['by-progress', '00001'],
        ['gone', 'x'],
      ]),
      withRosters([
        ['by-name', 'ana'],
        ['by-progress', '00002'],
      ]),
    );
    expect(changes.putRosters).toEqual([{ roster: 'by-progress', member: ana, key: '00002' }]);
    expect(changes.removeRosters).toEqual([{ roster: 'gone', member: ana }]);
  });

  it('adds and takes out set rows exactly as a set difference would, in any order and with repeats', () => {
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const keyOf = (row: { set: string; member: string }) => `${row.set}\n${row.member}`;
    const firstOf = (list: Array<{ set: string; member: string }>, without: Set<string>) => {
      const seen = new Set<string>();
      return list.filter((row) => {
        const key = keyOf(row);
        if (without.has(key) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    };
    for (let trial = 0; trial < 500; trial += 1) {
      // Rows built afresh each time (equal text, other strings), drawn from a few sets and members.
      const list = () =>
        Array.from({ length: random(12) }, () => ({ set: `s${random(6)}`, member: ['m', String(random(3))].join('') }));
      const before = list();
      const after = random(2) ? list() : [...before.slice(random(4)), ...list().slice(0, 2)];
      const changes = rowChanges({ sets: before, boards: [], rosters: [] }, { sets: after, boards: [], rosters: [] });
      expect(changes.addSets).toEqual(firstOf(after, new Set(before.map(keyOf))));
      expect(changes.removeSets).toEqual(firstOf(before, new Set(after.map(keyOf))));
    }
  });
});
