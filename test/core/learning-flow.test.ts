import { beforeEach, describe, expect, it } from 'vitest';
import { learnerKey } from '../../src/model/learner-key.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
beforeEach(async () => {
  t = await createTestBot();
});

describe('next, done, skip and undo', () => {
  it('offers the first resource with its details and Done/Skip buttons', async () => {
    const reply = await run(t.bot, ana, 'next');
    expect(reply.visibility).toBe('private');
    expect(reply.text).toContain('**WebRTC Basics** — Article, 30 min');
    expect(reply.text).toContain('_Understanding WebRTC and its capabilities_');
    expect(reply.url).toBe('https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API');
    expect(reply.fields).toContainEqual({ name: 'Where', value: 'Phase 1 · 1 of 2', inline: true });
    expect(reply.fields).toContainEqual({ name: 'Left in the path', value: '240 of 240 min', inline: true });
    expect(reply.buttons?.map((button) => `${button.label}:${button.action.id}:${button.action.value}`)).toEqual(['Done:done:webrtc-basics', 'Skip:skip:webrtc-basics']);
  });

  it('done confirms, moves on, announces a finished phase once and counts a repeat once', async () => {
    const first = await run(t.bot, ana, 'done');
    expect(first.text).toContain('✅ **WebRTC Basics** marked done.');
    expect(first.text).toContain('**WebRTC vs WebSockets**');
    const second = await run(t.bot, ana, 'done');
    expect(second.text).toContain('🎉 **Phase 1: Foundations** complete!');
    expect(second.fields).toContainEqual({ name: 'Where', value: 'Phase 2 · 1 of 3', inline: true });
    const again = await run(t.bot, ana, 'done', { resource: 'webrtc vs websockets' });
    expect(again.text).toContain('was already done; nothing changed');
    expect(again.text).not.toContain('complete!');
    const progress = await run(t.bot, ana, 'progress');
    expect(progress.text).toContain('**55 of 240 min** done, 185 min left');
  });

  it('a later phase is locked while its dependency has skipped resources, and says why', async () => {
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'skip');
    const next = await run(t.bot, ana, 'next');
    expect(next.title).toBe('Phase 2 (Core Concepts) is locked');
    expect(next.text).toContain('Phase 2 needs Phase 1 (Foundations) complete first. Still open there: **WebRTC vs WebSockets**');
    expect(next.buttons?.[0]?.action).toEqual({ id: 'done', value: 'webrtc-vs-websockets' });
    const done = await run(t.bot, ana, 'done');
    expect(done.text).toContain('🎉 **Phase 1: Foundations** complete!');
    expect(done.text).toContain('**WebRTC Architecture**');
  });

  it('undo reverts the last mark, step by step, and says so when there is nothing left', async () => {
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'skip');
    expect((await run(t.bot, ana, 'undo')).text).toContain('↩️ **WebRTC vs WebSockets** is back to not started.');
    expect((await run(t.bot, ana, 'undo')).text).toContain('↩️ **WebRTC Basics** is back to not started.');
    const nothing = await run(t.bot, ana, 'undo');
    expect(nothing).toMatchObject({ visibility: 'private', tone: 'error', text: 'There is nothing to undo yet.' });
  });

  it('finishing everything congratulates and points at extras, videos and the checklist', async () => {
    for (let index = 0; index < 7; index += 1) await run(t.bot, ana, 'done');
    const next = await run(t.bot, ana, 'next');
    expect(next.title).toBe('Path complete');
    expect(next.text).toContain('240 minutes');
    expect(next.text).toContain('[WebRTC API Reference](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API)');
    expect(next.text).toContain('- WebRTC Best Practices');
    expect(next.text).toContain('- WebRTC Explained');
    expect(next.text).toContain('/webrtc done supplementary-materials-reviewed');
    expect(next.text).not.toMatch(/\[(URL|Duration|Channel)/);
    await run(t.bot, ana, 'done', { resource: 'supplementary' });
    const progress = await run(t.bot, ana, 'progress');
    expect(progress.fields?.at(-1)?.value).toBe('☑ Phase 1 completed\n☑ Phase 2 completed\n☑ Phase 3 completed\n☑ Supplementary materials reviewed');
  });

  it('progress shows phases, bars, minutes and a streak counted in local days', async () => {
    await run(t.bot, ana, 'done');
    t.clock.advance(24 * 3_600_000);
    await run(t.bot, ana, 'done');
    const progress = await run(t.bot, ana, 'progress');
    expect(progress.text).toBe('**55 of 240 min** done, 185 min left. Streak: **2 days** 🔥.');
    expect(progress.progress?.[0]).toEqual({ label: 'Whole path', done: 55, total: 240, detail: '55 of 240 min' });
    expect(progress.fields?.[0]).toEqual({ name: 'Phase 1: Foundations', value: '✅ WebRTC Basics (30 min)\n✅ WebRTC vs WebSockets (25 min)' });
    t.clock.advance(2 * 24 * 3_600_000);
    expect((await run(t.bot, ana, 'progress')).text).toContain('Streak: **0 days**');
  });

  it('path lists everything with marks, ids and the lock', async () => {
    await run(t.bot, ana, 'skip');
    const path = await run(t.bot, ana, 'path');
    expect(path.title).toBe('The WebRTC path — 7 resources, 240 min');
    expect(path.fields?.[0]?.value).toContain('⏭️ 1.1 [WebRTC Basics](https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API) — Article, 30 min (`webrtc-basics`)');
    expect(path.fields?.[0]?.value).toContain('👉 1.2 WebRTC vs WebSockets');
    expect(path.fields?.[1]?.name).toBe('Phase 2: Core Concepts 🔒 needs Phase 1');
  });

  it('export returns the learner\'s own data and forget deletes it after confirmation', async () => {
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'remind', { time: '09:00', zone: 'Europe/Berlin' });
    const exported = await run(t.bot, ana, 'export');
    const json = JSON.parse(/```json\n([\s\S]*)\n```/.exec(exported.text ?? '')![1]!);
    expect(json.learner).toEqual({ platform: 'console', workspace: 'test', id: 'ana' });
    expect(Object.keys(json.paths.webrtc.marks)).toEqual(['webrtc-basics']);
    const ask = await run(t.bot, ana, 'forget');
    expect(ask.buttons?.map((button) => button.action.id)).toEqual(['forget-confirm', 'forget-cancel']);
    expect((await t.store.learners.get(learnerKey(ana)))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    const cancel = await t.bot.handleAction({ path: 'webrtc', actionId: 'forget-cancel', value: '', ownerId: 'ana', user: ana, channel: { id: 'C-general' } });
    expect(cancel.text).toBe('Nothing was deleted.');
    const record = await t.store.learners.get(learnerKey(ana));
    const slot = Math.floor(record!.paths.webrtc!.reminder!.nextAt! / 60_000);
    expect(await t.store.reminders.due(slot)).toEqual(['console:test:ana#webrtc']);
    await t.bot.handleAction({ path: 'webrtc', actionId: 'forget-confirm', value: '', ownerId: 'ana', user: ana, channel: { id: 'C-general' } });
    expect(await t.store.learners.get(learnerKey(ana))).toBeUndefined();
    expect(await t.store.reminders.due(slot)).toEqual([]);
    expect((await t.store.boards.top('console:test:C-general:webrtc', 10)).total).toBe(0);
  });

  it('buttons act only for their owner', async () => {
    const bo = learner('bo');
    const reply = await t.bot.handleAction({ path: 'webrtc', actionId: 'done', value: 'webrtc-basics', ownerId: 'ana', user: bo, channel: { id: 'C-general' } });
    expect(reply).toMatchObject({ visibility: 'private', text: expect.stringContaining("This one isn't yours") });
    expect(await t.store.learners.get(learnerKey(bo))).toBeUndefined();
    const own = await t.bot.handleAction({ path: 'webrtc', actionId: 'done', value: 'webrtc-basics', ownerId: 'ana', user: ana, channel: { id: 'C-general' } });
    expect(own.text).toContain('✅ **WebRTC Basics** marked done.');
  });

  it('help lists every subcommand', async () => {
    const help = await run(t.bot, ana, 'help');
    for (const name of ['next', 'done', 'skip', 'undo', 'progress', 'path', 'leaderboard', 'remind', 'export', 'forget']) expect(help.text).toContain(`/webrtc ${name}`);
    expect((await run(t.bot, ana, '')).title).toBe(help.title);
  });
});
