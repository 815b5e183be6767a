import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
beforeEach(async () => {
  t = await createTestBot();
});

describe('next, done, skip and undo', () => {
  it('offers the first resource titled by itself, linked once, with Done/Skip buttons', async () => {
    const reply = await run(t.bot, ana, 'next');
    expect(reply).toEqual({
      visibility: 'private',
      tone: 'info',
      title: 'WebRTC Basics',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API',
      text: 'Article · 30 min · Phase 1, 1 of 2\n_Understanding WebRTC and its capabilities_\nAfterwards: Move to resource 2',
      progress: [{ label: 'Path', done: 0, total: 240, detail: '0 of 240 min done (0 of 7 resources)' }],
      buttons: [
        {
          label: 'Done',
          style: 'success',
          action: { id: 'done', value: 'webrtc-basics' },
          actionId: 'p2|webrtc|d|~jVGnxVkS|ana',
        },
        {
          label: 'Skip',
          style: 'secondary',
          action: { id: 'skip', value: 'webrtc-basics' },
          actionId: 'p2|webrtc|s|~jVGnxVkS|ana',
        },
      ],
    });
  });

  it('done is titled by what happened, announces a finished phase once, then shows what is up next', async () => {
    const first = await run(t.bot, ana, 'done');
    expect(first).toMatchObject({ tone: 'success', title: 'Marked done: WebRTC Basics' });
    expect(first.text).toBe(
      '**Up next:** WebRTC vs WebSockets\nArticle · 25 min · Phase 1, 2 of 2\n_Comparing WebRTC with WebSocket communication_\nAfterwards: Move to Phase 2',
    );
    expect(first.url).toBeUndefined();
    const second = await run(t.bot, ana, 'done');
    expect(second.title).toBe('Marked done: WebRTC vs WebSockets');
    expect(second.text).toBe(
      '🎉 **Phase 1: Foundations** complete!\n\n**Up next:** [WebRTC Architecture](https://webrtcforthecurious.com/)\nArticle · 35 min · Phase 2, 1 of 3\n_Understanding WebRTC components and data flow_',
    );
    expect(second.buttons?.map((button) => button.action)).toEqual([
      { id: 'done', value: 'webrtc-architecture' },
      { id: 'skip', value: 'webrtc-architecture' },
    ]);
    const again = await run(t.bot, ana, 'done', { resource: 'webrtc vs websockets' });
    expect(again).toMatchObject({ tone: 'info', title: 'Already done: WebRTC vs WebSockets' });
    expect(again.text).toMatch(/^Nothing changed\.\n\n\*\*Up next:\*\* \[WebRTC Architecture\]/);
    const progress = await run(t.bot, ana, 'progress');
    expect(progress.progress?.[0]?.detail).toBe('55 of 240 min done (2 of 7 resources)');
  });

  it('the next card, the done reply, progress and the overview all measure in minutes', async () => {
    for (let index = 0; index < 5; index += 1) await run(t.bot, ana, 'done');
    const measure = { done: 160, total: 240, detail: '160 of 240 min done (5 of 7 resources)' };
    expect((await run(t.bot, ana, 'next')).progress).toEqual([{ label: 'Path', ...measure }]);
    expect((await run(t.bot, ana, 'progress')).progress?.[0]).toEqual({ label: 'Whole path', ...measure });
    const overview = await t.bot.overview(ana, 'webrtc');
    expect(overview.title).toBe('WebRTC: 160 of 240 min done');
    expect(overview.progress).toEqual([
      { label: 'Whole path', ...measure },
      { label: 'Phase 1', done: 55, total: 55, detail: '55 of 55 min' },
      { label: 'Phase 2', done: 105, total: 105, detail: '105 of 105 min' },
      { label: 'Phase 3', done: 0, total: 80, detail: '0 of 80 min' },
    ]);
    expect(overview.buttons?.map((button) => button.label)).toEqual(['Done', 'Skip', 'Change reminder']);
    expect(overview.text).toContain(
      '**Up next:** [WebRTC Implementation](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling)',
    );
  });

  it('a phase locked by skipped resources is passed over for an open one, saying what unlocks it', async () => {
    await run(t.bot, ana, 'done');
    const skip = await run(t.bot, ana, 'skip');
    expect(skip).toMatchObject({ tone: 'success', title: 'Skipped: WebRTC vs WebSockets' });
    expect(skip.text).toBe(
      [
        '🔒 Phase 2 (Core Concepts) opens once Phase 1 (Foundations) is complete. Still open there: **WebRTC vs WebSockets** (skipped).',
        '',
        '**Up next:** [WebRTC Implementation](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling)',
        'Article · 45 min · Phase 3, 1 of 2',
        '_Building WebRTC applications_',
      ].join('\n'),
    );
    const next = await run(t.bot, ana, 'next');
    expect(next.title).toBe('WebRTC Implementation');
    expect(next.text).toContain('🔒 Phase 2 (Core Concepts) opens once Phase 1 (Foundations) is complete.');
    const done = await run(t.bot, ana, 'done', { resource: 'webrtc vs websockets' });
    expect(done.text).toContain('🎉 **Phase 1: Foundations** complete!');
    expect(done.text).toContain('**Up next:** [WebRTC Architecture]');
  });

  it('undo reverts the last mark, step by step, and says so when there is nothing left', async () => {
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'skip');
    const undone = await run(t.bot, ana, 'undo');
    expect(undone).toMatchObject({ tone: 'success', title: 'Undone: WebRTC vs WebSockets is back to not started' });
    expect(undone.text).toMatch(/^\*\*Up next:\*\* WebRTC vs WebSockets\n/);
    expect((await run(t.bot, ana, 'undo')).title).toBe('Undone: WebRTC Basics is back to not started');
    const nothing = await run(t.bot, ana, 'undo');
    expect(nothing).toMatchObject({ visibility: 'private', tone: 'error', text: 'There is nothing to undo yet.' });
  });

  it('progress shows phases, bars in minutes, the checklist and a streak counted in local days', async () => {
    await run(t.bot, ana, 'done');
    t.clock.advance(24 * 3_600_000);
    await run(t.bot, ana, 'done');
    const progress = await run(t.bot, ana, 'progress');
    expect(progress.text).toBe('**185 min** to go. Streak: **2 days** 🔥.');
    expect(progress.progress).toEqual([
      { label: 'Whole path', done: 55, total: 240, detail: '55 of 240 min done (2 of 7 resources)' },
      { label: 'Phase 1', done: 55, total: 55, detail: '55 of 55 min' },
      { label: 'Phase 2', done: 0, total: 105, detail: '0 of 105 min' },
      { label: 'Phase 3', done: 0, total: 80, detail: '0 of 80 min' },
    ]);
    expect(progress.fields?.[0]).toEqual({
      name: 'Phase 1: Foundations',
      value: '✅ WebRTC Basics (30 min)\n✅ WebRTC vs WebSockets (25 min)',
    });
    expect(progress.fields?.at(-1)?.value).toBe(
      '☑ Phase 1 completed\n☐ Phase 2 completed\n☐ Phase 3 completed\n☐ Supplementary materials reviewed — `/webrtc done supplementary-materials-reviewed`',
    );
    t.clock.advance(2 * 24 * 3_600_000);
    expect((await run(t.bot, ana, 'progress')).text).toContain('Streak: **0 days**');
  });

  it('path lists everything with marks, ids and the lock, then the extras, videos and their checklist line', async () => {
    await run(t.bot, ana, 'skip');
    const path = await run(t.bot, ana, 'path');
    expect(path.title).toBe('The WebRTC path — 7 resources, 240 min');
    expect(path.fields?.[0]?.value).toContain(
      '⏭️ 1.1 [WebRTC Basics](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API) — Article · 30 min (`webrtc-basics`)',
    );
    expect(path.fields?.[0]?.value).toContain('👉 1.2 WebRTC vs WebSockets');
    expect(path.fields?.[1]?.name).toBe('Phase 2: Core Concepts 🔒 opens after Phase 1');
    expect(path.fields?.slice(3)).toEqual([
      {
        name: 'Additional resources',
        value:
          '- [WebRTC API Reference](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API)\n- [Real-time Communication Guide](https://webrtc.org/getting-started/overview)\n- WebRTC Best Practices',
      },
      { name: 'Supplementary videos', value: '- WebRTC Explained\n- WebRTC Implementation' },
      {
        name: 'On your checklist',
        value: '☐ Supplementary materials reviewed — `/webrtc done supplementary-materials-reviewed`',
      },
    ]);
  });

  it("export returns the learner's own data and forget deletes it after confirmation", async () => {
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'remind', { time: '09:00', zone: 'Europe/Berlin' });
    const exported = await run(t.bot, ana, 'export');
    const json = JSON.parse(/```json\n([\s\S]*)\n```/.exec(exported.text ?? '')![1]!) as {
      you: unknown;
      paths: Record<string, { marks: Record<string, unknown> } | undefined>;
    };
    expect(json.you).toEqual({ platform: 'console', workspace: 'test', userId: 'ana', name: 'Ana' });
    expect(Object.keys(json.paths.webrtc?.marks ?? {})).toEqual(['WebRTC Basics (webrtc-basics)']);
    const ask = await run(t.bot, ana, 'forget');
    expect(ask.buttons?.map((button) => button.action.id)).toEqual(['forget-confirm', 'forget-cancel']);
    expect((await t.store.learners.get(encodeLearnerId(ana)))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe(
      'done',
    );
    const cancel = await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'forget-cancel',
      value: '',
      ownerId: 'ana',
      user: ana,
      channel: { id: 'C-general' },
    });
    expect(cancel.text).toBe('Nothing was deleted.');
    const record = await t.store.learners.get(encodeLearnerId(ana));
    const slot = Math.floor(record!.paths.webrtc!.reminder!.nextAt! / 60_000);
    expect(await t.store.learners.due(slot)).toEqual([encodeSlotId({ learner: encodeLearnerId(ana), path: 'webrtc' })]);
    await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'forget-confirm',
      value: '',
      ownerId: 'ana',
      user: ana,
      channel: { id: 'C-general' },
    });
    expect(await t.store.learners.get(encodeLearnerId(ana))).toBeUndefined();
    expect(await t.store.learners.due(slot)).toEqual([]);
    expect((await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 10)).total).toBe(0);
  });

  it('buttons act only for their owner', async () => {
    const bo = learner('bo');
    const reply = await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'done',
      value: 'webrtc-basics',
      ownerId: 'ana',
      user: bo,
      channel: { id: 'C-general' },
    });
    expect(reply).toMatchObject({
      visibility: 'private',
      text: expect.stringContaining("This one isn't yours") as string,
    });
    expect(await t.store.learners.get(encodeLearnerId(bo))).toBeUndefined();
    const own = await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'done',
      value: 'webrtc-basics',
      ownerId: 'ana',
      user: ana,
      channel: { id: 'C-general' },
    });
    expect(own.title).toBe('Marked done: WebRTC Basics');
  });

  it('help lists every subcommand', async () => {
    const help = await run(t.bot, ana, 'help');
    for (const name of [
      'next',
      'done',
      'skip',
      'undo',
      'progress',
      'path',
      'leaderboard',
      'remind',
      'export',
      'forget',
    ])
      expect(help.text).toContain(`/webrtc ${name}`);
    expect((await run(t.bot, ana, '')).title).toBe(help.title);
  });
});
