import type { UserRef } from '../../src/model/invocation.js';
import { DEFAULT_SENDS_PER_SECOND } from '../../adapters/discord/discord-send-budget.js';
import { startDiscordHarness } from '../adapters/discord/discord-harness.js';
import { GUILD_ID, slashCommand } from '../adapters/discord/interaction-payloads.js';
import {
  commandsDuring,
  deliveryCounts,
  NINE,
  ratePerSecond,
  seedReminders,
  type FanOutResult,
} from './fan-out-stats.js';

/** Discord's global limit: https://discord.com/developers/docs/topics/rate-limits#global-rate-limit */
const DISCORD_REQUESTS_PER_SECOND = 50;
const POST_MESSAGE = /^\/channels\/\d+\/messages$/;

/**
 * `reminders` DMs through the real discord.js adapter against the loopback Discord enforcing 50 requests/s
 * (429 `global: true` over it). DM channels are already stored, as they are once learners turned reminders
 * on, so each reminder is one request. `sendsPerSecond` is DISCORD_SENDS_PER_SECOND (the adapter's default when unset).
 */
export async function fanOutDiscord(reminders: number, sendsPerSecond?: number): Promise<FanOutResult> {
  const h = await startDiscordHarness(sendsPerSecond === undefined ? {} : { sendsPerSecond });
  try {
    const budget = h.fake.limitGlobally(DISCORD_REQUESTS_PER_SECOND);
    const learners = Array.from({ length: reminders }, (_, index) => {
      const user: UserRef = {
        platform: 'discord',
        workspace: GUILD_ID,
        id: String(800_000_000_000_000_000n + BigInt(index)),
      };
      return { user, address: (h.fake.channels.open(user.id).body as { id: string }).id };
    });
    h.clock.set(NINE - 3_600_000);
    await seedReminders(h.store, learners);
    h.clock.set(NINE);
    const isPost = (request: { method: string; route: string }) =>
      request.method === 'POST' && POST_MESSAGE.test(request.route);
    const firstRequest = h.fake.requests.length;
    const accepted = () =>
      h.fake.requests.slice(firstRequest).filter((request) => isPost(request) && request.status === 200);
    const started = performance.now();
    const { result, latenciesMs } = await commandsDuring(
      h.bot.reminders.tick(),
      () => h.fake.channelMessages.size,
      reminders,
      () => h.send(slashCommand(h.fake.appId, { subcommand: 'next' })),
    );
    const durationS = (performance.now() - started) / 1000;
    const posts = accepted();
    const delivered = [...h.fake.channelMessages].flatMap(([channel, messages]) => messages.map(() => channel));
    return {
      platform: 'Discord',
      configuration: `DISCORD_SENDS_PER_SECOND=${sendsPerSecond ?? DEFAULT_SENDS_PER_SECOND}`,
      reminders,
      tick: result,
      ratePerSecond: ratePerSecond(posts.map((request) => request.at)),
      budgetPerSecond: DISCORD_REQUESTS_PER_SECOND,
      rateLimited: budget.refusals.length,
      maxRateLimitedPerWindow: budget.maxRefusalsPerWindow(),
      ...deliveryCounts(
        learners.map((learner) => learner.address),
        delivered,
      ),
      commandLatenciesMs: latenciesMs,
      durationS,
    };
  } finally {
    await h.close();
  }
}
