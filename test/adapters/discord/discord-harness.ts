import { expect } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/start-discord.js';
import type { Bot } from '../../../src/bot.js';
import { decodePress } from '../../../src/actions/decode-press.js';
import type { LearningPath } from '../../../src/curriculum/learning-path.js';
import type { ActionPress, AutocompleteQuery, Invocation } from '../../../src/model/invocation.js';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { callbackData } from '../../fakes/discord-payloads.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import {
  interactionCallback,
  webhookRequest,
  type InteractionCallback,
  type WebhookRequest,
} from '../../fakes/fake-discord-requests.js';
import { createTestBot, type TestBot, type TestBotOptions } from '../../fakes/test-bot.js';
import type { BuiltInteraction } from './interaction-payloads.js';
import { createRecordingLogger } from './recording-logger.js';

export interface DiscordHarness extends TestBot {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  log: ReturnType<typeof createRecordingLogger>;
  /** What the adapter handed the core, in order (the real core still answers). */
  seen: { invocations: Invocation[]; presses: ActionPress[]; queries: AutocompleteQuery[] };
  /** Dispatches the interaction and resolves with the interaction callback the bot posted. */
  send(interaction: BuiltInteraction): Promise<InteractionCallback>;
  /** A request on this interaction's webhook (edit, follow-up or delete of its reply). */
  webhook(interaction: BuiltInteraction, method: string, suffix?: string): Promise<WebhookRequest>;
  learner(userId: string, workspace?: string): ReturnType<TestBot['store']['learners']['get']>;
  close(): Promise<void>;
}

/** The real bot, the real discord.js client and the loopback Discord, connected. */
export interface HarnessOptions {
  deferAfterMs?: number;
  storeUrl?: string;
  /** Latency added in front of the real core's handle/handleAction, to exercise the 3-second deadline. */
  slowCoreMs?: number;
  sendsPerSecond?: number;
  autocompleteDeadlineMs?: number;
  /** Learning paths other than the repository's curriculum. */
  paths?: LearningPath[];
  /** discord.js's wait for a REST answer (15 s unless set). */
  restTimeoutMs?: number;
  /** A loopback Discord shared with other harnesses (one bot, several instances); the harness then leaves it open. */
  fake?: FakeDiscord;
  /** Another instance on the same data passes the first one's namespace. */
  namespace?: string;
  /** This instance's shards, as `npm run discord:shards` gives each process. */
  shards?: { ids: number[]; count: number };
  /** The reminder job's options (how many reminders it hands out at once, …). */
  reminders?: TestBotOptions['reminders'];
  /** The web dashboard's link settings (the `dashboard` command answers with a link). */
  dashboard?: TestBotOptions['dashboard'];
}

export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const testBot = await createTestBot({
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.paths ? { paths: options.paths } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.reminders ? { reminders: options.reminders } : {}),
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const log = createRecordingLogger();
  const seen: DiscordHarness['seen'] = { invocations: [], presses: [], queries: [] };
  const adapter = await startDiscord({
    bot: observed(testBot.bot, seen, options.slowCoreMs ?? 0),
    logger: log,
    budgets: testBot.store.sendBudgets,
    options: {
      token: fake.token,
      appId: fake.appId,
      apiUrl: fake.apiUrl,
      deferAfterMs: options.deferAfterMs,
      sendsPerSecond: options.sendsPerSecond,
      autocompleteDeadlineMs: options.autocompleteDeadlineMs,
      restTimeoutMs: options.restTimeoutMs,
      ...(options.shards ? { shards: options.shards } : {}),
    },
  });
  return {
    ...testBot,
    fake,
    adapter,
    log,
    seen,
    send(interaction) {
      fake.dispatchInteraction(interaction.payload);
      return fake.waitForRequest(interactionCallback(interaction.id, interaction.token));
    },
    webhook(interaction, method, suffix = '') {
      return fake.waitForRequest(webhookRequest(fake.appId, interaction.token, method, suffix));
    },
    learner(userId, workspace = '556525343595298817') {
      return testBot.store.learners.get(encodeLearnerId({ platform: 'discord', workspace, id: userId }));
    },
    async close() {
      await adapter.stop();
      if (!options.fake) await fake.close();
      await testBot.store.close().catch(() => undefined);
    },
  };
}

/** The real bot, with a note of every call the adapter makes into it. */
function observed(bot: Bot, seen: DiscordHarness['seen'], latencyMs: number): Bot {
  const later = () => new Promise((resolve) => setTimeout(resolve, latencyMs));
  return {
    ...bot,
    handle: async (invocation) => (seen.invocations.push(invocation), await later(), bot.handle(invocation)),
    press: async (press) => {
      const decoded = decodePress(press, bot.paths);
      if (decoded) seen.presses.push(decoded);
      await later();
      return bot.press(press);
    },
    autocomplete: async (query) => (seen.queries.push(query), await later(), bot.autocomplete(query)),
  };
}

/** An interaction callback that answers with a new message only its caller sees, pinging no one. */
export function expectPrivateMessage(callback: InteractionCallback): void {
  expect(callback.body.type).toBe(4);
  expect(callbackData(callback).flags).toBe(64);
  expect(callbackData(callback).allowed_mentions).toEqual({ parse: [] });
}
