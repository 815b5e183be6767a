import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createMemoryData, createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot();
});

async function doneTimes(name: string, count: number, displayName = name) {
  const person = learner(name, displayName);
  for (let index = 0; index < count; index += 1) {
    await run(t.bot, person, 'done');
    t.clock.advance(60_000);
  }
  return person;
}

describe('channel leaderboards', () => {
  it('ranks by resources, then minutes, then who got there first, with competition ranks', async () => {
    await doneTimes('ann', 3);
    await doneTimes('ben', 2);
    await doneTimes('cat', 2);
    const dan = await doneTimes('dan', 1);
    const board = await run(t.bot, dan, 'leaderboard');
    expect(board.visibility).toBe('public');
    expect(board.text).toBe(
      [
        '🥇 ann — 3 resources, 90 min',
        '🥈 ben — 2 resources, 55 min',
        '🥈 cat — 2 resources, 55 min',
        '**4.** dan — 1 resource, 30 min ← you',
      ].join('\n'),
    );
    expect(board.footer).toMatch(/^4 learners on this board/);
  });

  it("shows the top 10 plus the caller's own row", async () => {
    for (let index = 0; index < 12; index += 1) await doneTimes(`p${String(index).padStart(2, '0')}`, 2);
    const late = await doneTimes('zed', 1);
    const lines = (await run(t.bot, late, 'leaderboard')).text!.split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe('…');
    expect(lines[11]).toBe('**13.** zed — 1 resource, 30 min ← you');
  });

  it("joins a learner to a channel's board with their first finished resource there, not before and not elsewhere", async () => {
    const ann = learner('ann');
    await run(t.bot, ann, 'next', {}, { id: 'C-other' });
    await run(t.bot, ann, 'skip', {}, { id: 'C-other' });
    await run(t.bot, ann, 'done', { resource: 'supplementary-materials-reviewed' }, { id: 'C-other' });
    expect((await t.store.boards.top(consoleBoard('C-other', 'webrtc'), 10)).total).toBe(0);
    await run(t.bot, ann, 'done', {}, { id: 'C-other' });
    expect((await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 10)).total).toBe(0);
    expect((await t.store.boards.top(consoleBoard('C-other', 'webrtc'), 10)).rows).toMatchObject([
      { name: 'ann', completed: 1 },
    ]);
    const dm = await run(t.bot, ann, 'leaderboard', {}, { id: 'D1', isDirect: true });
    expect(dm).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('Leaderboards belong to channels') as string,
    });
  });

  it('gives no row and no medal for nothing finished, and tells a newcomer how to join', async () => {
    const kim = learner('kim');
    await run(t.bot, kim, 'help');
    const empty = await run(t.bot, kim, 'leaderboard');
    expect(empty.text).toBe('Nobody is on this board yet.\n\nFinish a resource here to join this board.');
    expect(empty.footer).toMatch(/^0 learners on this board/);
    await doneTimes('ann', 1);
    expect((await run(t.bot, kim, 'leaderboard')).text).toBe(
      '🥇 ann — 1 resource, 30 min\n\nFinish a resource here to join this board.',
    );
    expect((await run(t.bot, kim, 'leaderboard', { scope: 'week' })).text).toBe(
      '🥇 ann — 1 resource, 30 min\n\nFinish a resource here this week to join this board.',
    );
  });

  it('takes a learner off the board when undo leaves them nothing finished, and back with the next done', async () => {
    const ann = await doneTimes('ann', 1);
    await run(t.bot, ann, 'undo');
    expect((await run(t.bot, ann, 'leaderboard')).text).toBe(
      'Nobody is on this board yet.\n\nFinish a resource here to join this board.',
    );
    expect((await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 10)).total).toBe(0);
    await run(t.bot, ann, 'done');
    expect((await run(t.bot, ann, 'leaderboard')).text).toBe('🥇 ann — 1 resource, 30 min ← you');
  });

  it('keeps a row an older version left with nothing finished out of sight, ranks unchanged', async () => {
    const memory = createMemoryData();
    t = await createTestBot({ memory });
    await doneTimes('ann', 1);
    // Such rows go at the next store:check --repair; until then the board must not show them.
    memory.boards.get(consoleBoard('C-general', 'webrtc'))!.put({
      member: encodeLearnerId(learner('rae')),
      name: 'rae',
      completed: 0,
      minutes: 0,
      reachedAt: 0,
    });
    const rae = learner('rae');
    expect((await run(t.bot, rae, 'leaderboard')).text).toBe(
      '🥇 ann — 1 resource, 30 min\n\nFinish a resource here to join this board.',
    );
  });

  it('hide and show take a learner off every board and back, keeping progress', async () => {
    const ann = await doneTimes('ann', 2);
    await doneTimes('ben', 1);
    expect((await run(t.bot, ann, 'leaderboard', { scope: 'hide' })).text).toMatch(/hidden from every leaderboard/);
    expect((await run(t.bot, ann, 'leaderboard')).text).toBe('🥇 ben — 1 resource, 30 min');
    await run(t.bot, ann, 'done');
    expect((await run(t.bot, ann, 'leaderboard', { scope: 'week' })).text).toBe('🥇 ben — 1 resource, 30 min');
    expect((await run(t.bot, ann, 'leaderboard', { scope: 'SHOW' })).text).toBe(
      "You're back on the leaderboards of the channels where you've finished a resource.",
    );
    expect((await run(t.bot, ann, 'leaderboard', { scope: 'show' })).text).toBe(
      "You're not hidden: you're on the leaderboard of each channel where you've finished a resource.",
    );
    expect((await run(t.bot, ann, 'leaderboard')).text!.split('\n')[0]).toBe('🥇 ann — 3 resources, 90 min ← you');
  });

  it("the week board counts only this week's completions", async () => {
    await doneTimes('ann', 3);
    t.clock.advance(7 * 24 * 3_600_000);
    const ben = await doneTimes('ben', 1);
    expect((await run(t.bot, ben, 'leaderboard', { scope: 'week' })).text).toBe('🥇 ben — 1 resource, 30 min ← you');
    expect((await run(t.bot, ben, 'leaderboard', { scope: 'all' })).text!.split('\n')[0]).toBe(
      '🥇 ann — 3 resources, 90 min',
    );
  });

  it('counts the week in the community time zone, whatever zone the learner lives in', async () => {
    // Mon 30 Nov 2026 01:00 in Tokyo is still Sunday (the previous ISO week) in UTC, the community zone here.
    t.clock.set(Date.UTC(2026, 10, 29, 16, 0));
    const kei = learner('kei');
    await run(t.bot, kei, 'remind', { time: '09:00', zone: 'Asia/Tokyo' });
    await run(t.bot, kei, 'done');
    expect((await run(t.bot, kei, 'leaderboard', { scope: 'week' })).text).toBe('🥇 kei — 1 resource, 30 min ← you');
  });

  it('never pings: names are defused and stripped of markup', async () => {
    const sneaky = await doneTimes('sneaky', 1, '@everyone **boss** <@123>');
    const text = (await run(t.bot, sneaky, 'leaderboard')).text!;
    expect(text).not.toMatch(/@everyone|@here|<@|\*\*boss/);
    expect(text).toContain('@\u2060everyone boss @\u2060123');
  });
});
