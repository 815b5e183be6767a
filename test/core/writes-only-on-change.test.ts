import { encodeLearnerId } from '../../src/model/learner-id.js';
import { afterEach, expect, it } from 'vitest';
import { describeEachBackend, freshStoreUrl } from '../fakes/store-backends.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';

const READING = [
  ['help', {}],
  ['next', {}],
  ['path', {}],
  ['progress', {}],
  ['export', {}],
  ['leaderboard', {}],
  ['leaderboard', { scope: 'week' }],
  ['leaderboard', { scope: 'show' }],
  ['remind', {}],
  ['forget', {}],
] as const;
const BOARD = consoleBoard('C-general', 'webrtc');

describeEachBackend('a command writes only what it changes', (kind) => {
  let t: TestBot;
  const open = async () => {
    const { url, namespace } = await freshStoreUrl(kind);
    t = await createTestBot({ storeUrl: url, namespace });
  };
  afterEach(async () => t?.store.close());
  const stored = (id: string) => t.store.learners.get(encodeLearnerId(learner(id)));

  it('reading commands store nothing about someone new, and put them on no board', async () => {
    await open();
    const kim = learner('kim');
    for (const [command, args] of READING) await run(t.bot, kim, command, { ...args });
    expect(await stored('kim')).toBeUndefined();
    expect((await t.store.boards.top(BOARD, 10)).total).toBe(0);
    expect((await run(t.bot, kim, 'export')).text).toBe("I don't store anything about you.");
  });

  it("reading commands leave a learner's record as it was (same revision, same time)", async () => {
    await open();
    const ann = learner('ann');
    await run(t.bot, ann, 'done');
    await run(t.bot, ann, 'remind', { time: '21:00', zone: 'UTC' });
    const before = await stored('ann');
    t.clock.advance(3_600_000);
    for (const [command, args] of READING) await run(t.bot, learner('ann', 'Ann renamed'), command, { ...args });
    expect(await stored('ann')).toEqual(before);
  });

  it('"already done; nothing changed" really changes nothing', async () => {
    await open();
    const ann = learner('ann');
    await run(t.bot, ann, 'done', { resource: 'webrtc-basics' });
    const before = await stored('ann');
    t.clock.advance(60_000);
    expect((await run(t.bot, ann, 'done', { resource: 'webrtc-basics' })).text).toContain('Nothing changed.');
    expect(await stored('ann')).toEqual(before);
    await run(t.bot, ann, 'skip', { resource: 'webrtc-vs-websockets' });
    const skipped = await stored('ann');
    await run(t.bot, ann, 'skip', { resource: 'webrtc-vs-websockets' });
    expect(await stored('ann')).toEqual(skipped);
  });

  it('export right after forget stores nothing again', async () => {
    await open();
    const ann = learner('ann');
    await run(t.bot, ann, 'done');
    await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'forget-confirm',
      value: '',
      ownerId: 'ann',
      user: ann,
      channel: { id: 'C-general' },
    });
    expect(await stored('ann')).toBeUndefined();
    expect((await run(t.bot, ann, 'export')).text).toBe("I don't store anything about you.");
    await run(t.bot, ann, 'leaderboard');
    expect(await stored('ann')).toBeUndefined();
    expect((await t.store.boards.top(BOARD, 10)).total).toBe(0);
  });

  it('a change refreshes the name shown on the board', async () => {
    await open();
    await run(t.bot, learner('ann'), 'done');
    await run(t.bot, learner('ann', 'Ann B'), 'next');
    expect((await t.store.boards.top(BOARD, 10)).rows[0]!.name).toBe('ann');
    await run(t.bot, learner('ann', 'Ann B'), 'done');
    expect((await t.store.boards.top(BOARD, 10)).rows[0]!.name).toBe('Ann B');
    expect((await stored('ann'))!.name).toBe('Ann B');
    // The platform could not tell the name this time (a failed profile lookup): the saved one stays.
    await run(t.bot, { ...learner('ann'), displayName: undefined }, 'done');
    expect((await stored('ann'))!.name).toBe('Ann B');
    expect((await t.store.boards.top(BOARD, 10)).rows[0]!.name).toBe('Ann B');
  });
});
