import { Client, GatewayIntentBits, Options } from 'discord.js';
import { isProactiveRequest } from './discord-send-budget.js';

/** Users and members seen in interactions; each costs ~660 bytes, and nothing here needs them afterwards. */
const USER_CACHE_MAX = 1000;
const MEMBER_CACHE_MAX = 1000;
/** Sweep interval for users and members, in seconds (discord.js sweepers take seconds). */
const SWEEP_INTERVAL_S = 60 * 60;

/**
 * A discord.js client that asks only for the Guilds intent (slash commands and buttons need nothing
 * more; DMs are sent over REST, never read), caches little, and never parses a mention anywhere.
 * `apiUrl` replaces https://discord.com/api (a proxy in production, the loopback fake in tests);
 * `restTimeoutMs` replaces discord.js's 15 s wait for a REST answer (tests of late answers).
 * `shards` limits the gateway connections to this process's shards (`npm run discord:shards`). A proactive
 * send that is rate limited is handed back to the messenger (isProactiveRequest) to be tried with a new permit.
 */
export function createDiscordClient(options: {
  apiUrl?: string;
  restTimeoutMs?: number;
  shards?: { ids: number[]; count: number };
}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    allowedMentions: { parse: [] },
    rest: {
      rejectOnRateLimit: isProactiveRequest,
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.restTimeoutMs ? { timeout: options.restTimeoutMs } : {}),
    },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      UserManager: { maxSize: USER_CACHE_MAX, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: MEMBER_CACHE_MAX, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: SWEEP_INTERVAL_S, filter: () => (user) => user.id !== user.client.user.id },
      guildMembers: { interval: SWEEP_INTERVAL_S, filter: () => (member) => member.id !== member.client.user.id },
    },
  });
}
