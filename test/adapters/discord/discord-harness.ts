import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/start-discord.js';
import { learnerKey } from '../../../src/model/learner-key.js';
import { FakeDiscord, type RecordedRequest } from '../../fakes/fake-discord.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import type { BuiltInteraction } from './interaction-payloads.js';
import { createRecordingLogger } from './recording-logger.js';

export interface DiscordHarness extends TestBot {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  log: ReturnType<typeof createRecordingLogger>;
  /** Dispatches the interaction and resolves with the interaction callback the bot posted. */
  send(interaction: BuiltInteraction): Promise<RecordedRequest>;
  /** A request on this interaction's webhook (edit, follow-up or delete of its reply). */
  webhook(interaction: BuiltInteraction, method: string, suffix?: string): Promise<RecordedRequest>;
  learner(userId: string, workspace?: string): ReturnType<TestBot['store']['learners']['get']>;
  close(): Promise<void>;
}

/** The real bot, the real discord.js client and the loopback Discord, connected. */
export async function startDiscordHarness(options: { deferAfterMs?: number } = {}): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start();
  const testBot = await createTestBot();
  const log = createRecordingLogger();
  const adapter = await startDiscord({
    bot: testBot.bot,
    logger: log,
    options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, ...options },
  });
  return {
    ...testBot,
    fake,
    adapter,
    log,
    send(interaction) {
      fake.dispatchInteraction(interaction.payload);
      return fake.waitForRequest((r) => r.method === 'POST' && r.route === `/interactions/${interaction.id}/${interaction.token}/callback`);
    },
    webhook(interaction, method, suffix = '') {
      return fake.waitForRequest((r) => r.method === method && r.route === `/webhooks/${fake.appId}/${interaction.token}${suffix}`);
    },
    learner(userId, workspace = '556525343595298817') {
      return testBot.store.learners.get(learnerKey({ platform: 'discord', workspace, id: userId }));
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await testBot.store.close();
    },
  };
}
