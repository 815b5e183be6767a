import { beforeEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';

/** The replies issue 11 found wrong, pinned word for word as a learner reads them. */
const ana = learner('ana', 'Ana');
let t: TestBot;
beforeEach(async () => {
  t = await createTestBot();
});

const LOCKED_BY_SKIPS =
  '🔒 Phase 2 (Core Concepts) opens once Phase 1 (Foundations) is complete. Still open there: **WebRTC Basics** (skipped), **WebRTC vs WebSockets** (skipped).';
const COMPLETION = [
  'All 7 resources done — 240 minutes of study.',
  '',
  '**Keep going with the additional resources:**',
  '- [WebRTC API Reference](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API)',
  '- [Real-time Communication Guide](https://webrtc.org/getting-started/overview)',
  '- WebRTC Best Practices',
  '',
  '**Supplementary videos:**',
  '- WebRTC Explained',
  '- WebRTC Implementation',
  '',
];

async function finishEverything() {
  for (let index = 0; index < 7; index += 1) await run(t.bot, ana, 'done');
}

describe('a learner who skips', () => {
  it('is offered Phase 3 after skipping Phase 1, never the skipped resource again while something is open', async () => {
    await run(t.bot, ana, 'skip');
    const skip = await run(t.bot, ana, 'skip');
    expect(skip.title).toBe('Skipped: WebRTC vs WebSockets');
    expect(skip.text).toBe(
      `${LOCKED_BY_SKIPS}\n\n**Up next:** [WebRTC Implementation](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling)\nArticle · 45 min · Phase 3, 1 of 2\n_Building WebRTC applications_`,
    );
    const pressed = await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'skip',
      value: skip.buttons![1]!.action.value,
      ownerId: 'ana',
      user: ana,
      channel: { id: 'C-general' },
    });
    expect(pressed.title).toBe('Skipped: WebRTC Implementation');
    expect(pressed.buttons?.map((button) => button.action)).toEqual([
      { id: 'done', value: 'webrtc-scaling' },
      { id: 'skip', value: 'webrtc-scaling' },
    ]);
  });

  it('once only skipped resources are left, offers the first one plainly with a Done button and no Skip', async () => {
    await run(t.bot, ana, 'skip');
    await run(t.bot, ana, 'skip');
    await run(t.bot, ana, 'skip');
    await run(t.bot, ana, 'skip');
    const next = await run(t.bot, ana, 'next');
    expect(next).toMatchObject({
      tone: 'info',
      title: 'You skipped WebRTC Basics; do it now?',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API',
    });
    expect(next.text).toBe(
      `Article · 30 min · Phase 1, 1 of 2\n_Understanding WebRTC and its capabilities_\nAfterwards: Move to resource 2\n\n${LOCKED_BY_SKIPS}`,
    );
    expect(next.buttons).toEqual([
      {
        label: 'Done',
        style: 'success',
        action: { id: 'done', value: 'webrtc-basics' },
        actionId: 'p2|webrtc|d|~jVGnxVkS|ana',
      },
    ]);
    const skip = await run(t.bot, ana, 'skip');
    expect(skip).toMatchObject({ tone: 'info', title: 'Nothing left to skip' });
    expect(skip.text).toBe(
      `Everything open to you now is already skipped, so there's nothing to skip to.\n\n${LOCKED_BY_SKIPS}\n\n**Up next:** you skipped [WebRTC Basics](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API); do it now?\nArticle · 30 min · Phase 1, 1 of 2\n_Understanding WebRTC and its capabilities_\nAfterwards: Move to resource 2`,
    );
    const done = await run(t.bot, ana, 'done');
    expect(done.title).toBe('Marked done: WebRTC Basics');
    expect(done.text).toContain('**Up next:** you skipped WebRTC vs WebSockets; do it now?');
  });

  it('with everything else done, names the other skipped resources beside the one offered', async () => {
    await run(t.bot, ana, 'skip');
    await run(t.bot, ana, 'skip');
    for (const resource of ['2.1', '2.2', '2.3', '3.1']) await run(t.bot, ana, 'done', { resource });
    await run(t.bot, ana, 'skip', { resource: '3.2' });
    const next = await run(t.bot, ana, 'next');
    expect(next.title).toBe('You skipped WebRTC Basics; do it now?');
    expect(next.text).toMatch(
      /\n\nYou also skipped \*\*WebRTC vs WebSockets\*\*, \*\*WebRTC Scaling\*\*; `\/webrtc path` shows them\.$/,
    );
  });
});

describe('marking ahead of a locked phase', () => {
  it('accepts done 2.1 and says it was done ahead of its phase', async () => {
    const done = await run(t.bot, ana, 'done', { resource: '2.1' });
    expect(done).toMatchObject({ tone: 'success', title: 'Marked done: WebRTC Architecture' });
    expect(done.text).toMatch(
      /^⏩ Done ahead of its phase: Phase 2 \(Core Concepts\) opens once Phase 1 \(Foundations\) is complete\. It counts already\.\n\n\*\*Up next:\*\* \[WebRTC Basics\]/,
    );
    expect(done.progress?.[0]?.detail).toBe('35 of 240 min done (1 of 7 resources)');
  });
});

describe('the finished learner', () => {
  it('gets a completion card with extras, videos and only the unticked checklist line', async () => {
    await finishEverything();
    const next = await run(t.bot, ana, 'next');
    expect(next).toMatchObject({ tone: 'success', title: 'You finished the WebRTC path 🎉', buttons: [] });
    expect(next.text).toBe(
      [
        ...COMPLETION,
        '**Still to tick on your checklist:**',
        '- Supplementary materials reviewed: `/webrtc done supplementary-materials-reviewed`',
      ].join('\n'),
    );
  });

  it('is answered kindly by a bare done, with how to tick the checklist and change a mark', async () => {
    await finishEverything();
    const done = await run(t.bot, ana, 'done');
    expect(done).toMatchObject({ visibility: 'private', tone: 'success', title: 'You finished the WebRTC path 🎉' });
    expect(done.text).toBe(
      [
        "Every resource is done, so there's nothing left to mark.",
        'To tick **Supplementary materials reviewed** on your checklist: `/webrtc done supplementary-materials-reviewed`',
        'To change a mark: `/webrtc undo` reverts your last one, `/webrtc path` shows them all.',
      ].join('\n'),
    );
  });

  it('ticks the checklist, after which neither the card nor a bare done asks for it again', async () => {
    await finishEverything();
    const tick = await run(t.bot, ana, 'done', { resource: 'supplementary' });
    expect(tick).toMatchObject({
      tone: 'success',
      title: 'Ticked: Supplementary materials reviewed',
      text: 'Your completion checklist is all ticked. Well done!',
    });
    expect((await run(t.bot, ana, 'next')).text).toBe(
      [...COMPLETION, 'Your completion checklist is all ticked. Well done!'].join('\n'),
    );
    expect((await run(t.bot, ana, 'done')).text).toBe(
      "Every resource is done, so there's nothing left to mark.\nTo change a mark: `/webrtc undo` reverts your last one, `/webrtc path` shows them all.",
    );
    expect((await run(t.bot, ana, 'progress')).fields?.at(-1)?.value).toBe(
      '☑ Phase 1 completed\n☑ Phase 2 completed\n☑ Phase 3 completed\n☑ Supplementary materials reviewed',
    );
    expect((await run(t.bot, ana, 'undo')).title).toBe('Unticked: Supplementary materials reviewed');
  });
});

describe('the completion checklist', () => {
  it('"Supplementary materials reviewed" can be ticked on day one, since path shows the materials', async () => {
    const tick = await run(t.bot, ana, 'done', { resource: 'supplementary-materials-reviewed' });
    expect(tick.title).toBe('Ticked: Supplementary materials reviewed');
    expect(tick.text).toMatch(/^\*\*Up next:\*\* \[WebRTC Basics\]/);
    expect((await run(t.bot, ana, 'path')).fields?.at(-1)).toEqual({
      name: 'On your checklist',
      value: '☑ Supplementary materials reviewed',
    });
  });

  it('skip on a checklist line says lines are ticked, not skipped, and how', async () => {
    const skip = await run(t.bot, ana, 'skip', { resource: 'supplementary' });
    expect(skip).toMatchObject({
      tone: 'error',
      text: "**Supplementary materials reviewed** is on the completion checklist, and checklist lines are ticked, not skipped.\nTick it with `/webrtc done supplementary-materials-reviewed` when it's true; `/webrtc undo` unticks it again.",
    });
  });

  it('a phase line is not ticked by hand', async () => {
    const done = await run(t.bot, ana, 'done', { resource: 'Phase 1 completed' });
    expect(done).toMatchObject({
      tone: 'error',
      text: '**Phase 1 completed** ticks itself once every resource of Phase 1 (Foundations) is done.\n`/webrtc progress` shows what is left there.',
    });
  });
});

describe('help and free text', () => {
  it('lists admin commands once under their heading, named as each platform runs them', async () => {
    const local = await run(t.bot, ana, 'help');
    expect(local.text).toMatch(
      /\n\n\*\*For admins of this server or workspace:\*\*\n`\/webrtc digest \[day time \| off\]` — /,
    );
    const discord = await run(t.bot, { ...ana, platform: 'discord' }, 'help');
    expect(discord.text).toContain('\n`/webrtc-admin digest [day time | off]` — ');
  });

  it('refuses words after a command that takes none, with its usage', () => {
    const spec = t.bot.paths[0]!;
    expect(() => parseCommandLine('undo 3', spec)).toThrow(
      '`/webrtc undo` takes nothing after it, so I didn\'t act on "3".',
    );
    expect(() => parseCommandLine('progress x y', spec)).toThrow(
      expect.objectContaining({
        code: 'unexpected-words',
        hint: 'Usage: `/webrtc progress` — Your progress: phases, minutes, streak and the completion checklist.',
      }),
    );
    expect(parseCommandLine('done webrtc basics', spec)).toEqual({
      command: 'done',
      args: { resource: 'webrtc basics' },
    });
    expect(parseCommandLine('remind 9am Europe/Berlin', spec)).toEqual({
      command: 'remind',
      args: { time: '9am', zone: 'Europe/Berlin' },
    });
  });
});
