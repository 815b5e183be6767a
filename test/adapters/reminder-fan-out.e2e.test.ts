import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/model/invocation.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { startDiscordHarness, type DiscordHarness } from './discord/discord-harness.js';
import { GUILD_ID, slashCommand } from './discord/interaction-payloads.js';
import { startSlackHarness, type SlackHarness } from './slack/slack-harness.js';
import { eventually } from '../support/eventually.js';

const LEARNERS = 2000;
const UNREACHABLE = 20;
const NINE = Date.UTC(2026, 10, 25, 9, 0);
const channel = { id: 'C-fanout' };

/** Runs `work` and, once it is under way, a slash command; says whether the command was answered while `work` still ran. */
async function commandDuring<T>(
  work: Promise<T>,
  started: () => boolean,
  command: () => Promise<unknown>,
): Promise<{ result: T; answeredDuring: boolean }> {
  let done = false;
  const tracked = work.finally(() => (done = true));
  await eventually(() => expect(started()).toBe(true), { what: 'the fan-out to be under way' });
  await command();
  const answeredDuring = !done;
  return { result: await tracked, answeredDuring };
}

describe('a fan-out of 2,000 reminders through the real adapters', () => {
  let discord: DiscordHarness | undefined;
  let slack: SlackHarness | undefined;
  afterEach(async () => {
    await discord?.close();
    await slack?.close();
    discord = slack = undefined;
  });

  // discord.js itself keeps a bot under Discord's 50 requests/s, so this batch takes about 40 s.
  it(
    'Discord: 429s waited out, 50007 users skipped, none duplicated or lost, a command answered while it runs',
    { timeout: 120_000 },
    async () => {
      const h = (discord = await startDiscordHarness({ sendsPerSecond: 1000 }));
      const users: UserRef[] = Array.from({ length: LEARNERS }, (_, index) => ({
        platform: 'discord',
        workspace: GUILD_ID,
        id: String(800_000_000_000_000_000n + BigInt(index)),
      }));
      h.clock.set(NINE - 3_600_000);
      // Sign everyone up quickly: their DM channels are opened in the fake directly rather than one REST call each.
      h.bot.registerMessenger({
        ...h.adapter.messenger,
        open: async (user) => ({ address: (h.fake.channels.open(user.id).body as { id: string }).id }),
      });
      for (const user of users)
        await h.bot.handle({ path: 'webrtc', command: 'remind', args: { time: '09:00', zone: 'UTC' }, user, channel });
      h.bot.registerMessenger(h.adapter.messenger);
      for (const user of users.slice(0, UNREACHABLE)) h.fake.closedDms.add(user.id);
      for (let index = 0; index < 3; index += 1) h.fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.05);
      const postsBefore = h.fake.requests.length;

      h.clock.set(NINE);
      const { result, answeredDuring } = await commandDuring(
        h.bot.reminders.tick(),
        () => h.fake.requests.length > postsBefore + 200,
        () => h.send(slashCommand(h.fake.appId, { subcommand: 'next' })),
      );
      expect(answeredDuring).toBe(true);
      expect(result).toMatchObject({ sent: LEARNERS - UNREACHABLE, undeliverable: UNREACHABLE, failed: 0, busy: 0 });
      const perChannel = [...h.fake.channelMessages.values()].map((messages) => messages.length);
      expect(perChannel.filter((count) => count > 0)).toHaveLength(LEARNERS - UNREACHABLE);
      expect(perChannel.every((count) => count <= 1)).toBe(true);
      expect(h.log.entries.filter((entry) => entry.message === 'discord rate limited').length).toBeGreaterThanOrEqual(
        3,
      );
      expect((await h.store.learners.get(encodeLearnerId(users[0]!)))?.undeliverable?.reason).toBe(
        'discord-dms-closed',
      );
      expect((await h.bot.reminders.tick()).sent).toBe(0);
    },
  );

  it(
    'Slack: Retry-After honoured, unreachable users skipped, none duplicated or lost, a command answered while it runs',
    { timeout: 120_000 },
    async () => {
      const h = (slack = await startSlackHarness({ workspaceMessagesPerMinute: 60_000 }));
      const workspaces = ['T1', 'T2', 'T3', 'T4'];
      const users: UserRef[] = Array.from({ length: LEARNERS }, (_, index) => ({
        platform: 'slack',
        workspace: workspaces[index % 4]!,
        id: `U${100_000 + index}`,
      }));
      h.clock.set(NINE - 3_600_000);
      for (const user of users)
        await h.bot.handle({ path: 'webrtc', command: 'remind', args: { time: '09:00', zone: 'UTC' }, user, channel });
      // The first answers Slack gives: three 429s and twenty users who can no longer be reached.
      h.slack.queue(
        'chat.postMessage',
        ...Array.from({ length: 3 }, () => ({
          status: 429,
          headers: { 'retry-after': '1' },
          body: { ok: false, error: 'ratelimited' },
        })),
      );
      h.slack.queue(
        'chat.postMessage',
        ...Array.from({ length: UNREACHABLE }, () => ({ body: { ok: false, error: 'account_inactive' } })),
      );

      h.clock.set(NINE);
      const { result, answeredDuring } = await commandDuring(
        h.bot.reminders.tick(),
        () => h.slack.callsTo('chat.postMessage').length > 200,
        () => h.command('next', { userId: 'U999999', teamId: 'T1' }),
      );
      expect(answeredDuring).toBe(true);
      expect(result).toMatchObject({ sent: LEARNERS - UNREACHABLE, undeliverable: UNREACHABLE, failed: 0, busy: 0 });
      const calls = h.slack.callsTo('chat.postMessage');
      const accepted = calls.slice(3 + UNREACHABLE).map((call) => String(call.args.channel));
      expect(accepted).toHaveLength(LEARNERS - UNREACHABLE);
      expect(new Set(accepted).size).toBe(LEARNERS - UNREACHABLE);
      const refused = calls.slice(3, 3 + UNREACHABLE).map((call) => String(call.args.channel));
      expect(refused.every((id) => !accepted.includes(id))).toBe(true);
      expect((await h.bot.reminders.tick()).sent).toBe(0);
    },
  );
});
