import { once } from 'node:events';
import { Events, Status } from 'discord.js';
import type { Client } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import type { AdapterHealth } from '../../src/ops/adapter-health.js';
import { StartUpError } from '../../src/ops/start-up-error.js';
import type { DirectMessenger } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SendBudgets } from '../../src/ports/send-budget.js';
import { createDiscordClient } from './create-discord-client.js';
import { createDiscordMessenger } from './create-discord-messenger.js';
import { createInteractionListener } from './create-interaction-listener.js';
import { discordSendBudget, pauseOnGlobalRateLimit } from './discord-send-budget.js';
import { INTERACTION_DEADLINE_MS } from './discord-limits.js';
import { inviteUrl, userInstallUrl } from './invite-url.js';
import { logRateLimits } from './log-rate-limits.js';

/** What the Discord adapter needs: the configuration's `discord` settings (already checked there), plus tuning for tests. */
export interface DiscordOptions {
  token: string;
  appId: string;
  guildId?: string;
  /** REST base, e.g. http://127.0.0.1:PORT/api; default https://discord.com/api. */
  apiUrl?: string;
  /** How long a REST call waits for Discord's answer before discord.js retries it (default 15 s). */
  restTimeoutMs?: number;
  /** Defer an interaction when the core has not answered by then (default 1.5 s, well inside Discord's 3 s). */
  deferAfterMs?: number;
  /** Autocomplete cannot be deferred: suggestions not ready by then are answered with none (default 2.2 s). */
  autocompleteDeadlineMs?: number;
  /**
   * Pace of proactive sends (DM opens, reminders, digests) for the whole deployment: every instance and shard on a
   * shared store takes from one budget. Default 48 of the 50 requests/s Discord allows (discord-send-budget.ts).
   */
  sendsPerSecond?: number;
  /** This process's shards and the total, when `npm run discord:shards` started it; all shards otherwise. */
  shards?: { ids: number[]; count: number };
}

export interface DiscordAdapter {
  messenger: DirectMessenger;
  client: Client;
  /** Ready when every shard of this process is; otherwise the state of the first one that is not. */
  health: () => AdapterHealth;
  stop: () => Promise<void>;
}

const DEFAULT_DEFER_AFTER_MS = 1500;
const AUTOCOMPLETE_DEADLINE_MS = INTERACTION_DEADLINE_MS - 800;
const READY_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 5_000;

/** Connects to Discord, answers /<path> interactions through the core, and registers the DM messenger. */
export async function startDiscord(deps: {
  bot: Bot;
  logger: Logger;
  /** The store's send budgets: shared with every other instance on a shared store. */
  budgets: SendBudgets;
  options: DiscordOptions;
}): Promise<DiscordAdapter> {
  const { bot, options } = deps;
  const logger = deps.logger.child({ platform: 'discord' });
  const client = createDiscordClient(options);
  let stopped = false;
  const listener = createInteractionListener({
    bot,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    autocompleteDeadlineMs: options.autocompleteDeadlineMs ?? AUTOCOMPLETE_DEADLINE_MS,
  });
  client.on(Events.InteractionCreate, (interaction) => void listener.handle(interaction));
  client.on(Events.Error, (error) => logger.error('discord client error', { message: error.message }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));
  logRateLimits(client.rest, logger);

  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(), READY_TIMEOUT_MS);
  const ready = once(client, Events.ClientReady, { signal: giveUp.signal });
  ready.catch(() => undefined); // awaited below, or abandoned when login itself fails
  try {
    await client.login(options.token);
    if (!client.isReady()) await ready;
  } catch (error) {
    await client.destroy();
    throw new StartUpError(`Discord login failed: ${loginFailure(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    giveUp.abort();
  }

  const budget = discordSendBudget(deps.budgets, options.sendsPerSecond);
  pauseOnGlobalRateLimit(client.rest, budget, logger);
  const messenger = createDiscordMessenger({
    rest: client.rest,
    logger,
    budget,
  });
  bot.registerMessenger(messenger);
  logger.info('discord connected', {
    botUserId: client.user?.id,
    invite: inviteUrl(options.appId),
    userInstall: userInstallUrl(options.appId),
    sendBudget: deps.budgets.shared ? 'shared by every instance on the store' : 'this process',
  });

  return {
    messenger,
    client,
    health: () => (stopped ? { ok: false, state: 'stopped' } : gatewayHealth(client)),
    async stop() {
      stopped = true;
      await listener.drain(DRAIN_TIMEOUT_MS);
      await client.destroy();
    },
  };
}

function gatewayHealth(client: Client): AdapterHealth {
  const shards = [...client.ws.shards.values()];
  const behind = shards.find((shard) => shard.status !== Status.Ready);
  if (shards.length === 0) return { ok: false, state: 'connecting' };
  if (!behind) return { ok: true, state: 'ready' };
  // Status names are PascalCase (WaitingForGuilds); the report uses kebab-case words.
  return { ok: false, state: Status[behind.status].replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase() };
}

/** Says what went wrong without ever repeating the token. */
function loginFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'TokenInvalid' || (error as { status?: unknown }).status === 401) {
    return 'Discord refused DISCORD_TOKEN; copy the bot token again from the Developer Portal (Bot > Reset Token).';
  }
  if (error instanceof Error && error.name === 'AbortError')
    return `the gateway did not become ready within ${READY_TIMEOUT_MS / 1000} s.`;
  return error instanceof Error ? error.message : String(error);
}
