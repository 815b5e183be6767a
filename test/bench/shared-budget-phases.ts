import type { UserRef } from '../../src/model/invocation.js';
import { emptyPathState, newLearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import type { Store } from '../../src/ports/store.js';
import { DEFAULT_SENDS_PER_SECOND } from '../../adapters/discord/discord-send-budget.js';
import { slashCommand } from '../adapters/discord/interaction-payloads.js';
import { postSigned, slashCommandRequest } from '../adapters/slack/signed-slack-requests.js';
import type { FakeDiscord } from '../fakes/fake-discord.js';
import { interactionCallback } from '../fakes/fake-discord-requests.js';
import type { FakeSlack } from '../fakes/fake-slack.js';
import type { FixedWindowBudget } from '../fakes/fixed-window-budget.js';
import type { NodeProcess } from '../ops/node-process.js';
import { eventually } from '../support/eventually.js';

/** The two fan-outs of bench-shared-budget.ts: what each files, how it watches the fakes, what it counts. */

export const INSTANCES = 3;
export const WORKSPACES = 10;
/** Discord's global limit: https://discord.com/developers/docs/topics/rate-limits#global-rate-limit */
export const DISCORD_REQUESTS_PER_SECOND = 50;
export const SECRET = 'bench-shared-budget-signing-secret';
const MINUTE_MS = 60_000;
/** How far ahead the phase's minute must be, for the learners to be stored before it comes. */
const SEED_LEAD_MS = 20_000;

export interface SharedBudgetOptions {
  reminders: number;
  /** The benchmark's Redis (REDIS_URL); a private redis-server otherwise. */
  redisUrl?: string;
  discordSendsPerSecond?: number;
  slackMessagesPerMinute: number;
  progress: (message: string) => void;
}

/** One platform's fan-out as the fake saw it, and as each instance reported it. */
export interface PhaseResult {
  platform: 'Discord' | 'Slack';
  budgetPerSecond: number;
  acceptedAt: number[];
  countedAt: number[];
  limit: FixedWindowBudget;
  duplicates: number;
  misses: number;
  commandLatenciesMs: number[];
  sentBy: number[];
}

export async function discordPhase(
  options: SharedBudgetOptions,
  deps: { store: Store; discord: FakeDiscord; bots: NodeProcess[] },
): Promise<PhaseResult> {
  const { discord } = deps;
  const limit = discord.limitGlobally(DISCORD_REQUESTS_PER_SECOND);
  const learners = Array.from({ length: options.reminders }, (_, index) => {
    const id = String(830_000_000_000_000_000n + BigInt(index));
    const user: UserRef = { platform: 'discord', workspace: '556525343595298817', id };
    return { user, address: (discord.channels.open(id).body as { id: string }).id };
  });
  const first = discord.requests.length;
  const requests = () => discord.requests.slice(first);
  const accepted = () => requests().filter((request) => request.route.endsWith('/messages') && request.status === 200);
  // A server on each shard, so each process answers a command.
  // (id >> 22) % 3 is the shard: 99,999,999,999 is a multiple of 3.
  const guilds = Array.from({ length: INSTANCES }, (_, shard) => String((99_999_999_999n + BigInt(shard)) << 22n));
  const ask = async (shard: number) => {
    const command = slashCommand(discord.appId, { subcommand: 'next', guildId: guilds[shard]! });
    discord.dispatchInteraction(command.payload);
    await discord.waitForRequest(interactionCallback(command.id, command.token), 30_000);
  };
  const seconds = options.reminders / (options.discordSendsPerSecond ?? DEFAULT_SENDS_PER_SECOND);
  const run = await runPhase(options, deps, { learners, seconds }, () => accepted().length, ask);
  const delivered = [...discord.channelMessages].flatMap(([channel, messages]) => messages.map(() => channel));
  return {
    platform: 'Discord',
    budgetPerSecond: DISCORD_REQUESTS_PER_SECOND,
    acceptedAt: accepted().map((request) => request.at),
    countedAt: requests()
      .filter((request) => !/^\/(interactions|webhooks)\//.test(request.route))
      .map((request) => request.at),
    limit,
    ...deliveryCounts(
      learners.map((learner) => learner.address),
      delivered,
    ),
    ...run,
  };
}

export async function slackPhase(
  options: SharedBudgetOptions,
  deps: { store: Store; slack: FakeSlack; bots: NodeProcess[]; port: number },
): Promise<PhaseResult> {
  const { slack } = deps;
  const learners = Array.from({ length: options.reminders }, (_, index) => ({
    user: { platform: 'slack' as const, workspace: `T${100 + (index % WORKSPACES)}`, id: `U${2_000_000 + index}` },
  }));
  const workspaceOf = new Map(learners.map(({ user }) => [user.id, user.workspace]));
  // Slack counts by token; this bot holds one, so the fake is told which workspace each learner is in.
  const limit = slack.limitMessages({
    perMinute: options.slackMessagesPerMinute,
    workspaceOf: (call) => workspaceOf.get(String(call.args.channel)) ?? 'other',
  });
  const posts = () => slack.callsTo('chat.postMessage');
  const accepted = () => posts().filter((call) => call.status === 200);
  let asked = 0;
  const ask = async (shard: number) => {
    const id = `shared-${(asked += 1)}`;
    const request = slashCommandRequest({
      text: 'next',
      teamId: 'T100',
      userId: 'U999999',
      responseUrl: slack.responseUrl(id),
    });
    await postSigned(`http://127.0.0.1:${deps.port + shard}/slack/events`, request, { secret: SECRET });
    await slack.waitFor(() => slack.responses.find((response) => response.id === id), 30_000);
  };
  const seconds = options.reminders / ((Math.min(WORKSPACES, options.reminders) * options.slackMessagesPerMinute) / 60);
  const run = await runPhase(options, deps, { learners, seconds }, () => accepted().length, ask);
  return {
    platform: 'Slack',
    budgetPerSecond: (Math.min(WORKSPACES, options.reminders) * options.slackMessagesPerMinute) / 60,
    acceptedAt: accepted().map((call) => call.at),
    countedAt: posts().map((call) => call.at),
    limit,
    ...deliveryCounts(
      learners.map(({ user }) => user.id),
      accepted().map((call) => String(call.args.channel)),
    ),
    ...run,
  };
}

/**
 * Files everyone's reminder at the next minute far enough ahead, waits for the processes' ticks to send them
 * all, and times a slash command on each process at a quarter, half and three quarters of the way.
 */
async function runPhase(
  options: SharedBudgetOptions,
  deps: { store: Store; bots: NodeProcess[] },
  fanOut: { learners: Array<{ user: UserRef; address?: string }>; seconds: number },
  delivered: () => number,
  ask: (shard: number) => Promise<void>,
): Promise<{ commandLatenciesMs: number[]; sentBy: number[] }> {
  const { learners } = fanOut;
  // Given up on (reported as misses) if it takes more than twice as long as the budget allows, after the minute came.
  const timeoutMs = 2 * MINUTE_MS + 2 * fanOut.seconds * 1000;
  const dueAt = Math.ceil((Date.now() + SEED_LEAD_MS) / MINUTE_MS) * MINUTE_MS;
  const platform = learners[0]!.user.platform;
  const logsBefore = deps.bots.map((bot) => bot.logs().length);
  await seedReminders(deps.store, learners, dueAt);
  options.progress(`shared budget: ${learners.length} ${platform} reminders due at ${new Date(dueAt).toISOString()}`);
  const commandLatenciesMs: number[] = [];
  for (const share of [0.25, 0.5, 0.75]) {
    await waitUntil(() => delivered() >= share * learners.length, timeoutMs);
    for (let shard = 0; shard < INSTANCES; shard += 1) {
      const asked = performance.now();
      await ask(shard);
      commandLatenciesMs.push(performance.now() - asked);
    }
  }
  const sentBy = () =>
    deps.bots.map((bot, index) =>
      bot
        .logs()
        .slice(logsBefore[index])
        .filter((line) => line.message === 'reminder tick')
        .reduce((sum, line) => sum + Number(line.sent ?? 0), 0),
    );
  // Done when every process's tick has reported, between them, one send per learner (or gave up trying).
  await waitUntil(() => sentBy().reduce((sum, sent) => sum + sent, 0) >= learners.length, timeoutMs);
  return { commandLatenciesMs, sentBy: sentBy() };
}

/** Stores each learner with a daily reminder at `dueAt` (UTC), and their DM channel when they have one. */
async function seedReminders(store: Store, learners: Array<{ user: UserRef; address?: string }>, dueAt: number) {
  const since = dueAt - 7 * 86_400_000;
  const time = new Date(dueAt).toISOString().slice(11, 16);
  for (let start = 0; start < learners.length; start += 50) {
    await Promise.all(
      learners.slice(start, start + 50).map(({ user, address }) => {
        const record = newLearnerRecord(user.id, since);
        record.zone = 'UTC';
        if (address) record.dmAddress = address;
        record.paths.webrtc = {
          ...emptyPathState(since),
          reminder: { time, zone: 'UTC', enabled: true, nextAt: dueAt, ignored: 0, paused: false, snoozeAt: null },
        };
        return store.learners.update(encodeLearnerId(user), () => ({ next: record, result: undefined }));
      }),
    );
  }
}

/** Learners who got a message more than once, and learners who got none. */
function deliveryCounts(expected: readonly string[], delivered: readonly string[]) {
  const counts = new Map<string, number>();
  for (const address of delivered) counts.set(address, (counts.get(address) ?? 0) + 1);
  return {
    duplicates: [...counts.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    misses: expected.filter((address) => !counts.has(address)).length,
  };
}

/** Waits for `condition`; a benchmark reports what it got rather than failing, so running out of time is not an error. */
async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  await eventually(() => condition() || Promise.reject(new Error('not yet')), { timeoutMs, intervalMs: 50 }).catch(
    () => undefined,
  );
}
