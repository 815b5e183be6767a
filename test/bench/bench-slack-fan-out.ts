import type { UserRef } from '../../src/model/invocation.js';
import { startSlackHarness } from '../adapters/slack/slack-harness.js';
import {
  commandsDuring,
  deliveryCounts,
  NINE,
  ratePerSecond,
  seedReminders,
  type FanOutResult,
} from './fan-out-stats.js';

/** Workspaces the reminders are spread over: each has its own budget, and the adapter paces each on its own. */
const WORKSPACES = 10;

/**
 * `reminders` DMs through the real Bolt adapter against the loopback Slack, which allows `perMinute`
 * chat.postMessage calls per workspace per minute (429 `ratelimited` with Retry-After over it).
 * SLACK_MESSAGES_PER_MINUTE is set to the same budget, as an operator would.
 */
export async function fanOutSlack(reminders: number, perMinute: number): Promise<FanOutResult> {
  const h = await startSlackHarness({ workspaceMessagesPerMinute: perMinute });
  try {
    const learners = Array.from({ length: reminders }, (_, index) => {
      const user: UserRef = {
        platform: 'slack',
        workspace: `T${100 + (index % WORKSPACES)}`,
        id: `U${1_000_000 + index}`,
      };
      return { user };
    });
    const workspaceOf = new Map(learners.map(({ user }) => [user.id, user.workspace]));
    // Slack counts by token; this bot holds one, so the fake is told which workspace each learner is in.
    const budget = h.slack.limitMessages({
      perMinute,
      workspaceOf: (call) => workspaceOf.get(String(call.args.channel)) ?? 'other',
    });
    h.clock.set(NINE - 3_600_000);
    await seedReminders(h.store, learners);
    h.clock.set(NINE);
    const posts = () => h.slack.callsTo('chat.postMessage').filter((call) => call.status === 200);
    const started = performance.now();
    const { result, latenciesMs } = await commandsDuring(
      h.bot.reminders.tick(),
      () => posts().length,
      reminders,
      () => h.command('next', { userId: 'U999999', teamId: 'T100' }),
    );
    const durationS = (performance.now() - started) / 1000;
    const accepted = posts();
    return {
      platform: 'Slack',
      configuration: `${WORKSPACES} workspaces, each allowing ${perMinute}/min; SLACK_MESSAGES_PER_MINUTE=${perMinute}`,
      reminders,
      tick: result,
      ratePerSecond: ratePerSecond(accepted.map((call) => call.at)),
      budgetPerSecond: (Math.min(WORKSPACES, reminders) * perMinute) / 60,
      rateLimited: budget.refusals.length,
      maxRateLimitedPerWindow: budget.maxRefusalsPerWindow(),
      ...deliveryCounts(
        learners.map(({ user }) => user.id),
        accepted.map((call) => String(call.args.channel)),
      ),
      commandLatenciesMs: latenciesMs,
      durationS,
    };
  } finally {
    await h.close();
  }
}
