import { afterEach, expect, it } from 'vitest';
import { encodeIndexSet, statsGroup } from '../../src/model/index-set.js';
import { encodeWorkspaceId } from '../../src/model/learner-id.js';
import { encodeRosterId } from '../../src/model/roster-id.js';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import { describeEachBackend } from '../fakes/store-backends.js';
import { ANA, BOB, collect, CY, DEE, rows, WORKSPACE } from './engine-fixtures.js';

afterEach(closeEngines);

const COMMUNITY = encodeWorkspaceId('slack', 'T1');
const GROUP = statsGroup(COMMUNITY, 'webrtc');
const stat = (path: string, resource: string) =>
  encodeIndexSet({ kind: 'stats', community: COMMUNITY, path, stat: { kind: 'done', resource } });
const DONE_A = stat('webrtc', 'a');
const DONE_B = stat('webrtc', 'b');
const OTHER_PATH = stat('other', 'a');
const ROSTER = encodeRosterId({ community: COMMUNITY, path: 'webrtc', sort: 'name' });

/** Every engine keeps the dashboard's aggregates as the memory engine does. */
describeEachBackend('store engine contract: counted sets and rosters', (kind) => {
  it('counts only memberships a commit really changed, per group, and keeps them across a restart', async () => {
    const opened = await openFreshEngine(kind);
    let { engine } = opened;
    const add = (set: string, member: string) => engine.commit({ rows: rows({ addSets: [{ set, member }] }) });
    const remove = (set: string, member: string) => engine.commit({ rows: rows({ removeSets: [{ set, member }] }) });
    await add(DONE_A, ANA);
    await add(DONE_A, ANA); // already a member: no change
    await add(DONE_A, BOB);
    await add(DONE_B, DEE);
    await add(OTHER_PATH, CY);
    await add(WORKSPACE, ANA); // not a counted set
    await remove(DONE_B, CY); // never a member: no change
    expect(await engine.counts(GROUP)).toEqual(
      new Map([
        ['done:a', 2],
        ['done:b', 1],
      ]),
    );
    expect(await engine.counts(statsGroup(COMMUNITY, 'other'))).toEqual(new Map([['done:a', 1]]));
    expect(await engine.counts(statsGroup(encodeWorkspaceId('slack', 'T2'), 'webrtc'))).toEqual(new Map());

    await remove(DONE_B, DEE);
    await remove(DONE_A, ANA);
    // One commit both adding and taking out: the count follows the members.
    await engine.commit({
      rows: rows({ addSets: [{ set: DONE_A, member: CY }], removeSets: [{ set: DONE_A, member: BOB }] }),
    });
    expect(await engine.counts(GROUP)).toEqual(new Map([['done:a', 1]]));
    expect((await collect(engine.scanCounts())).sort((a, b) => a.set.localeCompare(b.set))).toEqual([
      { set: OTHER_PATH, count: 1 },
      { set: DONE_A, count: 1 },
    ]);
    await engine.recount([DONE_A, DONE_B]);
    expect(await engine.counts(GROUP)).toEqual(new Map([['done:a', 1]]));
    if (kind !== 'memory') engine = await opened.reopen();
    expect(await engine.counts(GROUP)).toEqual(new Map([['done:a', 1]]));
  });

  it('pages a roster from any offset, both ways, and moves or takes out a member', async () => {
    const opened = await openFreshEngine(kind);
    let { engine } = opened;
    const put = (member: string, key: string) =>
      engine.commit({ rows: rows({ putRosters: [{ roster: ROSTER, member, key }] }) });
    await put(ANA, 'b');
    await put(BOB, 'a');
    await put(CY, 'b'); // same key as Ana: the member decides
    await put(DEE, 'c');
    const page = (offset: number, limit: number, order: 'asc' | 'desc') => engine.roster(ROSTER, offset, limit, order);
    expect(await page(0, 10, 'asc')).toEqual({ members: [BOB, ANA, CY, DEE], total: 4 });
    expect(await page(1, 2, 'asc')).toEqual({ members: [ANA, CY], total: 4 });
    expect(await page(0, 3, 'desc')).toEqual({ members: [DEE, CY, ANA], total: 4 });
    expect(await page(3, 5, 'desc')).toEqual({ members: [BOB], total: 4 });
    expect(await page(9, 5, 'asc')).toEqual({ members: [], total: 4 });
    expect(
      await engine.roster(encodeRosterId({ community: COMMUNITY, path: 'webrtc', sort: 'progress' }), 0, 5, 'asc'),
    ).toEqual({
      members: [],
      total: 0,
    });

    await put(BOB, 'z'); // moved, not listed twice
    await engine.commit({ rows: rows({ removeRosters: [{ roster: ROSTER, member: CY }] }) });
    expect(await page(0, 10, 'asc')).toEqual({ members: [ANA, DEE, BOB], total: 3 });
    if (kind !== 'memory') engine = await opened.reopen();
    expect(await page(0, 10, 'asc')).toEqual({ members: [ANA, DEE, BOB], total: 3 });
    expect((await collect(engine.scanRosters())).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { roster: ROSTER, member: ANA, key: 'b' },
      { roster: ROSTER, member: DEE, key: 'c' },
      { roster: ROSTER, member: BOB, key: 'z' },
    ]);
  });

  it('refuses a roster key that is not printable ASCII, writing nothing of the commit', async () => {
    const { engine } = await openFreshEngine(kind);
    const commit = engine.commit({
      rows: rows({
        addSets: [{ set: DONE_A, member: ANA }],
        putRosters: [{ roster: ROSTER, member: ANA, key: 'ü\n' }],
      }),
    });
    await expect(commit).rejects.toThrow(/printable ASCII/);
    expect(await engine.counts(GROUP)).toEqual(new Map());
    expect(await engine.roster(ROSTER, 0, 5, 'asc')).toEqual({ members: [], total: 0 });
  });
});
