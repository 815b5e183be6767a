import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/model/invocation.js';
import { startDiscordHarness, type DiscordHarness } from '../adapters/discord/discord-harness.js';
import { GUILD_ID, slashCommand } from '../adapters/discord/interaction-payloads.js';
import { callbackData } from '../fakes/discord-payloads.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { channelPost } from '../fakes/fake-discord-requests.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { busiestWindow } from '../support/busiest-window.js';
import { eventually } from '../support/eventually.js';

const INSTANCES = 3;
const SENDS_PER_SECOND = 10;
const LEARNERS = 60;
const NINE = Date.UTC(2026, 10, 25, 9, 0);
const RETRY_AFTER_S = 1;
const channel = { id: 'C-budget' };

/** Discord's answer when the bot is over its global limit (https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit). */
const GLOBAL_429 = {
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: RETRY_AFTER_S, global: true },
  headers: { 'retry-after': String(RETRY_AFTER_S), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
};

/** Requests Discord counts against the global limit: all but interaction answers (and the gateway lookup). */
const counted = (request: RecordedRequest) =>
  !/^\/(interactions|webhooks)\//.test(request.route) && request.route !== '/gateway/bot';

describe.skipIf(!REDIS_URL)(
  'three instances of one bot on one Redis share its send budget (needs Redis: a redis-server on PATH, or REDIS_URL)',
  () => {
    let fake: FakeDiscord | undefined;
    let instances: DiscordHarness[] = [];
    afterEach(async () => {
      // The first instance's store drops the namespace: it closes last.
      for (const instance of instances.reverse()) await instance.close();
      await fake?.close();
      instances = [];
      fake = undefined;
    });

    it(
      'never go over it in any second, send each reminder once, all pause for a global 429, and answer commands meanwhile',
      { timeout: 120_000 },
      async () => {
        fake = await FakeDiscord.start();
        // A few reminders at once per instance (32 in production): with 60 in all, each instance then sends its
        // share as it gets permits, instead of the first two to start claiming all 60 at once.
        const shared = { fake, storeUrl: REDIS_URL, sendsPerSecond: SENDS_PER_SECOND, reminders: { concurrency: 4 } };
        const first = await startDiscordHarness({ ...shared, shards: { ids: [0], count: INSTANCES } });
        instances.push(first);
        for (let shard = 1; shard < INSTANCES; shard += 1)
          instances.push(
            await startDiscordHarness({
              ...shared,
              namespace: first.namespace,
              shards: { ids: [shard], count: INSTANCES },
            }),
          );

        for (const instance of instances)
          expect(instance.log.entries.find((entry) => entry.message === 'discord connected')?.context).toMatchObject({
            sendBudget: 'shared by every instance on the store',
          });

        // 60 learners with their DM channel stored, all reminded at 09:00.
        const users: UserRef[] = Array.from({ length: LEARNERS }, (_, index) => ({
          platform: 'discord',
          workspace: GUILD_ID,
          id: String(820_000_000_000_000_000n + BigInt(index)),
        }));
        first.clock.set(NINE - 3_600_000);
        first.bot.registerMessenger({
          ...first.adapter.messenger,
          open: async (user) => ({ address: (fake!.channels.open(user.id).body as { id: string }).id }),
        });
        for (const user of users)
          await first.bot.handle({
            path: 'webrtc',
            command: 'remind',
            args: { time: '09:00', zone: 'UTC' },
            user,
            channel,
          });
        // Each instance sends through its real messenger; the test notes which one sent to which DM channel.
        const senderOf = new Map<string, number>();
        for (const [index, instance] of instances.entries())
          instance.bot.registerMessenger({
            ...instance.adapter.messenger,
            send: (target, reply, key) => (
              senderOf.set(target.address!, index),
              instance.adapter.messenger.send(target, reply, key)
            ),
          });
        const addresses = users.map((user) => (fake!.channels.open(user.id).body as { id: string }).id);
        const before = fake.requests.length;
        const posts = () => fake!.requests.slice(before).filter((request) => channelPost()(request));

        // Every instance's minute tick at 09:00, at once.
        let done = false;
        for (const instance of instances) instance.clock.set(NINE);
        const ticks = Promise.all(instances.map((instance) => instance.bot.reminders.tick())).finally(
          () => (done = true),
        );

        // A third of the way in, Discord says the bot is over its global limit.
        await eventually(() => expect(posts().length).toBeGreaterThanOrEqual(LEARNERS / 3));
        fake.answerNext('POST', /^\/channels\/\d+\/messages$/, GLOBAL_429);
        // A slash command meanwhile is answered by the shard of its server, not held behind the fan-out.
        const owner = instances[Number((BigInt(GUILD_ID) >> 22n) % BigInt(INSTANCES))]!;
        const answer = await owner.send(slashCommand(fake.appId, { subcommand: 'next' }));
        expect(callbackData(answer).embeds?.[0]?.title).toBe('WebRTC Basics');
        expect(done).toBe(false);

        const reports = await ticks;
        expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(LEARNERS);
        expect(addresses.map((address) => fake!.channelMessages.get(address)?.length ?? 0)).toEqual(
          addresses.map(() => 1),
        );
        // Discord counts every request that arrives, the refused one included.
        const arrivals = fake.requests.slice(before).filter(counted);
        expect(
          busiestWindow(
            arrivals.map((request) => request.at),
            1000,
          ),
        ).toBeLessThanOrEqual(SENDS_PER_SECOND);
        // After the 429 nothing arrives until its retry_after has passed (but one already granted, on its way),
        // though every instance still had reminders to send.
        const refused = arrivals.find((request) => request.status === 429)!;
        const after = arrivals.filter((request) => request.at > refused.at);
        expect(new Set(after.map((request) => senderOf.get(request.route.split('/')[2]!))).size).toBe(INSTANCES);
        const duringPause = arrivals.filter(
          (request) => request.at > refused.at && request.at < refused.at + RETRY_AFTER_S * 1000,
        );
        expect(duringPause.length).toBeLessThanOrEqual(1);
        expect(arrivals.filter((request) => request.status === 429)).toHaveLength(1);
      },
    );
  },
);
