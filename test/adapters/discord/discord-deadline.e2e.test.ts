import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness, type HarnessOptions } from './discord-harness.js';
import { buttonPress, hope, slashCommand } from './interaction-payloads.js';

/** Discord's 3-second deadline, 429s on the callback, and the one place unexpected failures are handled. */
describe('answering in time, and failing well', () => {
  let h: DiscordHarness | undefined;
  let tempDir: string | undefined;
  const start = async (options: HarnessOptions) => (h = await startDiscordHarness(options));

  afterEach(async () => {
    await h?.close();
    h = undefined;
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  it('defers privately when the core is slow, then edits the deferred reply', async () => {
    const harness = await start({ deferAfterMs: 40, slowCoreMs: 200 });
    const next = slashCommand(harness.fake.appId, { subcommand: 'next' });
    const callback = await harness.send(next);
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });

    const edit = await harness.webhook(next, 'PATCH', '/messages/@original');
    expect(edit.body.embeds?.[0]?.title).toBe('WebRTC Basics');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(harness.fake.requests.indexOf(callback)).toBeLessThan(harness.fake.requests.indexOf(edit));
  });

  it('a slow public answer (leaderboard) goes out as a channel follow-up and the private placeholder is deleted', async () => {
    const harness = await start({ deferAfterMs: 40, slowCoreMs: 200 });
    const board = slashCommand(harness.fake.appId, { subcommand: 'leaderboard' });
    expect((await harness.send(board)).body).toEqual({ type: 5, data: { flags: 64 } });

    const followUp = await harness.webhook(board, 'POST');
    expect(followUp.body.flags).toBeUndefined();
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    expect(followUp.body.embeds?.[0]?.title).toBe('WebRTC leaderboard — all time');
    await harness.webhook(board, 'DELETE', '/messages/@original');
  });

  it("a slow button press on the owner's card defers the update, edits the card to say so, then follows up with the answer", async () => {
    const harness = await start({ deferAfterMs: 40, slowCoreMs: 200 });
    const press = buttonPress(harness.fake.appId, {
      customId: `p2|webrtc|d|~jVGnxVkS|${hope.id}`,
      ephemeral: true,
      botUserId: harness.fake.botUserId,
    });
    expect((await harness.send(press)).body).toEqual({ type: 6 });
    const edit = await harness.webhook(press, 'PATCH', '/messages/@original');
    expect(edit.body.embeds?.[0]?.title).toBe('WebRTC Basics');
    expect(edit.body.embeds?.[0]?.description).toMatch(/^✅ Done at <t:\d+:t>$/);
    expect(edit.body.components).toEqual([]);
    const answer = await harness.webhook(press, 'POST');
    expect(answer.body.embeds?.[0]?.title).toBe('Marked done: WebRTC Basics');
    expect(answer.body.flags).toBe(64);
    expect(harness.fake.requests.indexOf(edit)).toBeLessThan(harness.fake.requests.indexOf(answer));
    expect((await harness.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
  });

  it('a 429 with retry_after on the interaction callback is waited out and the answer still arrives', async () => {
    const harness = await start({});
    harness.fake.rateLimitNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 0.15);
    const next = slashCommand(harness.fake.appId, { subcommand: 'next' });
    const started = Date.now();
    const callback = await harness.send(next);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('WebRTC Basics');
    const attempts = harness.fake.requests.filter((r) => r.route === `/interactions/${next.id}/${next.token}/callback`);
    expect(attempts).toHaveLength(2);
    expect(harness.log.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'discord rate limited' }),
    );
  });

  it('an unexpected failure in the core is logged with context and answered with a short private apology', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'discord-edge-'));
    const harness = await start({ storeUrl: `sqlite://${join(tempDir, 'bot.sqlite')}` });
    await harness.store.close();

    const next = slashCommand(harness.fake.appId, { subcommand: 'next' });
    const callback = await harness.send(next);
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.description).toBe(
      'Sorry, something went wrong on my side. Please try again in a moment.',
    );
    const logged = harness.log.entries.find((entry) => entry.message === 'discord interaction failed');
    expect(logged?.level).toBe('error');
    expect(logged?.context).toMatchObject({
      platform: 'discord',
      interactionId: next.id,
      kind: '/webrtc next',
      userId: hope.id,
    });
  });

  it('after a deferral, the apology goes out as a private follow-up', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'discord-edge-'));
    const harness = await start({
      deferAfterMs: 20,
      slowCoreMs: 100,
      storeUrl: `sqlite://${join(tempDir, 'bot.sqlite')}`,
    });
    await harness.store.close();

    const next = slashCommand(harness.fake.appId, { subcommand: 'next' });
    expect((await harness.send(next)).body.type).toBe(5);
    const apology = await harness.webhook(next, 'POST');
    expect(apology.body.flags).toBe(64);
    expect(apology.body.embeds?.[0]?.description).toContain('Sorry, something went wrong');
  });
});
