import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordMessenger, nonceFor } from '../../../adapters/discord/create-discord-messenger.js';
import { discordSendBudget, isProactiveRequest } from '../../../adapters/discord/discord-send-budget.js';
import { localPermits } from '../../../src/infra/send-budget/permit-source.js';
import { sendBudgetsOver } from '../../../src/infra/send-budget/send-budgets-over.js';
import type { AddressedReply } from '../../../src/model/reply.js';
import { addressed } from '../../fixtures/addressed.js';
import { ownerToken } from '../../../src/model/button-owner.js';
import type { DirectMessenger } from '../../../src/ports/direct-messenger.js';
import { componentRows } from '../../fakes/discord-payloads.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { channelPost, dmOpen } from '../../fakes/fake-discord-requests.js';
import { createRecordingLogger } from './recording-logger.js';

const learner = {
  platform: 'discord' as const,
  workspace: '556525343595298817',
  id: '695549908383432716',
  displayName: 'Hope',
};
/** A reminder as the core sends it: its button acts for this learner of this guild, from the DM. */
const reminder: AddressedReply = addressed(
  {
    visibility: 'private',
    title: 'Time for WebRTC',
    text: 'Next: **WebRTC Basics** · 30 min',
    buttons: [{ label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } }],
  },
  '695549908383432716@556525343595298817',
);

describe('Discord DirectMessenger against the loopback Discord', () => {
  let fake: FakeDiscord;
  let rest: REST;
  let messenger: DirectMessenger;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    rest = new REST({ api: fake.apiUrl, rejectOnRateLimit: isProactiveRequest }).setToken(fake.token);
    messenger = createDiscordMessenger({
      rest,
      logger: createRecordingLogger(),
      budget: discordSendBudget(sendBudgetsOver(localPermits()), 1000),
    });
  });

  afterEach(async () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await fake.close();
  });

  async function openAddress(m: DirectMessenger): Promise<string> {
    const opened = await m.open(learner);
    if (!('address' in opened) || !opened.address) throw new Error(`no DM address: ${JSON.stringify(opened)}`);
    return opened.address;
  }

  it('opens the DM channel with POST /users/@me/channels and returns its id as the address', async () => {
    const opened = await messenger.open(learner);
    const request = fake.requests.find(dmOpen);
    expect(request?.body).toEqual({ recipient_id: learner.id });
    expect(request?.authorization).toBe(`Bot ${fake.token}`);
    expect(opened).toEqual({ address: expect.stringMatching(/^\d{17,20}$/) as string });
  });

  it('sends the rendered reminder with a nonce, enforce_nonce, no ephemeral flag and no mentions', async () => {
    const address = await openAddress(messenger);
    const result = await messenger.send({ user: learner, address }, reminder, 'reminder:discord:1:2025-03-30');

    expect(result).toEqual({ status: 'sent' });
    const post = fake.requests.find(channelPost(address));
    expect(post?.body).toEqual({
      embeds: [{ color: 0x5865f2, title: 'Time for WebRTC', description: 'Next: **WebRTC Basics** · 30 min' }],
      components: [
        // A DM press carries no guild, so the button names the guild learner it acts for.
        {
          type: 1,
          components: [
            {
              type: 2,
              style: 3,
              label: 'Done',
              custom_id: `p2|webrtc|d|~jVGnxVkS|${learner.id}@${learner.workspace}`,
            },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
      nonce: nonceFor('reminder:discord:1:2025-03-30'),
      enforce_nonce: true,
    });
    expect(post?.body.nonce).toHaveLength(25);
  });

  it('opens the DM channel itself when no address was stored', async () => {
    expect(await messenger.send({ user: learner }, reminder, 'k1')).toEqual({ status: 'sent' });
    expect(fake.requests.map((r) => `${r.method} ${r.route.replace(/\d{17,}/g, ':id')}`)).toEqual([
      'POST /users/@me/channels',
      'POST /channels/:id/messages',
    ]);
  });

  it('posts a logical message once when it is sent again with the same idempotency key', async () => {
    const address = await openAddress(messenger);
    await messenger.send({ user: learner, address }, reminder, 'same-key');
    await messenger.send({ user: learner, address }, reminder, 'same-key');
    await messenger.send({ user: learner, address }, reminder, 'other-key');
    expect(fake.channelMessages.get(address)).toHaveLength(2);
  });

  it('waits out a 429 with retry_after and still delivers the DM', async () => {
    const address = await openAddress(messenger);
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.2);

    const started = Date.now();
    expect(await messenger.send({ user: learner, address }, reminder, 'k-429')).toEqual({ status: 'sent' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(fake.requests.filter((r) => r.route === `/channels/${address}/messages`)).toHaveLength(2);
    expect(fake.channelMessages.get(address)).toHaveLength(1);
  });

  it('returns undeliverable on 50007 without retrying', async () => {
    const address = await openAddress(messenger);
    fake.closedDms.add(learner.id);

    expect(await messenger.send({ user: learner, address }, reminder, 'k')).toEqual({
      status: 'undeliverable',
      reason: 'discord-dms-closed',
    });
    expect(fake.requests.filter((r) => r.route.endsWith('/messages'))).toHaveLength(1);
  });

  it('returns undeliverable for an unknown user (10013)', async () => {
    fake.unknownUsers.add(learner.id);
    expect(await messenger.open(learner)).toEqual({ undeliverable: 'discord-unknown-user' });
    expect(await messenger.send({ user: learner }, reminder, 'k')).toEqual({
      status: 'undeliverable',
      reason: 'discord-unknown-user',
    });
  });

  it('re-opens the DM channel once when the stored one is unknown (10003), and delivers', async () => {
    expect(await messenger.send({ user: learner, address: '1200000000000099999' }, reminder, 'k')).toEqual({
      status: 'sent',
    });
    expect(fake.requests.map((r) => `${r.method} ${r.route.replace(/\d{17,}/g, ':id')}`)).toEqual([
      'POST /channels/:id/messages',
      'POST /users/@me/channels',
      'POST /channels/:id/messages',
    ]);
  });

  it('throws on a failure that may pass, so the caller retries later', async () => {
    const address = await openAddress(messenger);
    fake.answerNext('POST', /^\/channels\/\d+\/messages$/, { status: 500, body: { message: 'oops', code: 0 } }, 10);
    await expect(messenger.send({ user: learner, address }, reminder, 'k')).rejects.toThrow();
    expect(fake.channelMessages.get(address)).toBeUndefined();
  });

  it('sends the buttons as the core addressed them, path and owner included', async () => {
    const address = await openAddress(messenger);
    const rust = addressed(reminder, `${learner.id}@${learner.workspace}`, 'rust');
    await messenger.send({ user: learner, address }, { ...rust, buttons: rust.buttons! }, 'k-rust');
    expect(componentRows(fake.channelMessages.get(address)?.[0]?.components)[0]?.[0]?.custom_id).toBe(
      `p2|rust|d|~jVGnxVkS|${learner.id}@${learner.workspace}`,
    );
  });

  it('posts the weekly digest in a guild channel: no buttons, no ephemeral flag, no mentions, a nonce', async () => {
    fake.channels.textChannels.add('587324906702766226');
    const digest: AddressedReply = {
      visibility: 'public',
      title: 'This week in #webrtc',
      text: '🥇 @everyone — 3 resources',
      buttons: reminder.buttons,
    };
    const result = await messenger.postToChannel!(
      { workspace: '556525343595298817', channelId: '587324906702766226' },
      digest,
      'board@2026-W48',
    );

    expect(result).toEqual({ status: 'sent' });
    const post = fake.requests.find(channelPost('587324906702766226'));
    expect(post?.body).toEqual({
      embeds: [{ color: 0x5865f2, title: 'This week in #webrtc', description: '🥇 @everyone — 3 resources' }],
      components: [],
      allowed_mentions: { parse: [] },
      nonce: nonceFor('board@2026-W48'),
      enforce_nonce: true,
    });
  });

  it('reports a channel the bot may not post in as undeliverable (50013), not as an error to retry', async () => {
    fake.channels.forbiddenChannels.add('587324906702766226');
    const result = await messenger.postToChannel!(
      { workspace: '556525343595298817', channelId: '587324906702766226' },
      reminder,
      'k',
    );
    expect(result).toEqual({ status: 'undeliverable', reason: 'discord-missing-permissions' });
  });

  it('renders the buttons exactly as addressed (a DM learner: the plain user id)', async () => {
    const address = await openAddress(messenger);
    const dmLearner = { ...learner, workspace: 'dm' };
    const forDm = addressed(reminder, ownerToken(dmLearner, { isDirect: true }));
    await messenger.send({ user: dmLearner, address }, { ...forDm, buttons: forDm.buttons! }, 'k-dm');
    expect(componentRows(fake.channelMessages.get(address)?.[0]?.components)[0]?.[0]?.custom_id).toBe(
      `p2|webrtc|d|~jVGnxVkS|${learner.id}`,
    );
  });

  it('refuses to message a user of another platform', async () => {
    await expect(messenger.send({ user: { ...learner, platform: 'slack' } }, reminder, 'k')).rejects.toThrow(
      /slack user/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
