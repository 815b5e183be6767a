import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';

/** Right-to-left override, zero-width space, left-to-right isolate and its pop, BOM, Arabic letter mark. */
const TRICKS = '\u202E\u200B\u2066\u2069\uFEFF\u061C';

/** Invisible format characters (Cf) in a reply, apart from the word joiner the bot itself puts after "@". */
function invisibleIn(text: string | undefined): string[] {
  return [...(text ?? '').replaceAll('@\u2060', '@').matchAll(/\p{Cf}/gu)].map(([char]) => char);
}

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot();
});

describe('invisible format characters never reach what others read', () => {
  it('a display name with a right-to-left override shows plainly on the public leaderboard', async () => {
    const eve = learner('eve', `Eve${TRICKS}gnp.exe`);
    await run(t.bot, eve, 'done');
    const board = await run(t.bot, learner('ann'), 'leaderboard');
    expect(board.visibility).toBe('public');
    expect(board.text).toBe('🥇 Evegnp.exe — 1 resource, 30 min\n\nFinish a resource here to join this board.');
  });

  it('a name an older version saved raw is cleaned when the board is shown', async () => {
    const eve = learner('eve', 'Eve');
    await run(t.bot, eve, 'done');
    // Saved before names were cleaned: the record holds it raw, and so does the row derived from it.
    await t.store.learners.update(encodeLearnerId(eve), (current) => ({
      next: { ...current!, name: `\u202Enimda\u200D @everyone` },
      result: undefined,
    }));
    const board = await run(t.bot, learner('ann'), 'leaderboard');
    expect(board.text?.split('\n')[0]).toBe('🥇 nimda @\u2060everyone — 1 resource, 30 min');
    expect(invisibleIn(board.text)).toEqual([]);
  });

  it.each([
    ['an unknown subcommand', `dn${TRICKS}e`, {}, "`dne` isn't a WebRTC command."],
    ['a resource', 'done', { resource: `quantum${TRICKS} leap` }, 'There\'s no resource called "quantum leap"'],
    ['a time', 'remind', { time: `25${TRICKS}:00` }, '"25:00" isn\'t a time of day I can read.'],
    [
      'a zone',
      'remind',
      { time: '09:00', zone: `Mars/${TRICKS}Olympus` },
      'I don\'t know the time zone "Mars/Olympus"',
    ],
    ['a leaderboard scope', 'leaderboard', { scope: `year${TRICKS}` }, '"year" isn\'t one of'],
    ['an option name', 'next', { [`colour${TRICKS}`]: 'red' }, 'has no option "colour"'],
  ])('echoed back, %s loses them', async (_what, command, args, shown) => {
    const reply = await run(t.bot, learner('ann'), command, args);
    expect(reply.tone).toBe('error');
    expect(reply.text).toContain(shown);
    expect(invisibleIn(reply.text)).toEqual([]);
  });

  it('typed inside a command, they are ignored rather than misread', async () => {
    const ann = learner('ann');
    expect((await run(t.bot, ann, `ne\u200Bxt`)).title).toBe('WebRTC Basics');
    expect((await run(t.bot, ann, 'done', { resource: `WebRTC${TRICKS} Basics` })).title).toBe(
      'Marked done: WebRTC Basics',
    );
    expect((await run(t.bot, ann, 'remind', { time: `9\uFEFFam`, zone: `Europe/\u200BBerlin` })).text).toContain(
      '**09:00 Europe/Berlin**',
    );
  });
});
