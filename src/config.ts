import { z } from 'zod';

const optional = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone like Europe/Berlin or UTC');
const url = (protocols: RegExp, example: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: protocols, error: `must be a URL like ${example}` }).optional());

/** Every environment variable the bot reads; `.env.example` documents each one. */
export const configSchema = z.object({
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  STORE_URL: z.string().regex(/^(sqlite|memory|redis|rediss):\/\//, 'must start with sqlite://, redis:// or memory://').default('sqlite://./data/webrtc.sqlite'),
  STORE_NAMESPACE: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores').default('pathbot'),
  CURRICULUM_DIR: z.string().min(1).default('./curriculum'),
  DEFAULT_TIME_ZONE: ianaZone.default('UTC'),
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{17,20}$/, 'must be the numeric Application ID').optional()),
  DISCORD_GUILD_ID: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^\d{17,20}$/, 'must be a numeric server (guild) ID').optional()),
  DISCORD_API_URL: url(/^https?$/, 'https://discord.com/api'),
  // Of Discord's 50 requests/s per bot; interaction answers don't count (adapters/discord/create-send-pacer.ts).
  DISCORD_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(50).default(48),
  SLACK_BOT_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_API_URL: url(/^https?$/, 'https://slack.com/api/'),
  SLACK_ADMIN_USER_IDS: z.string().default('').transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean)),
  SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(100),
  REMINDER_CATCHUP_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(120),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: optional,
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  DISCORD_SHARD_COUNT: z.preprocess((value) => (value === '' ? undefined : value), z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)], { error: 'must be auto or a whole number of shards' }).default('auto')),
  // Set by discord.js's ShardingManager for each process it starts (`npm run discord:shards`), never by hand.
  SHARDS: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^(\d+|\[\d+(,\d+)*\])$/, 'must be a shard id or a JSON list of them').transform((text) => [JSON.parse(text) as number | number[]].flat()).optional()),
  SHARD_COUNT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).optional()),
});

export type Config = z.infer<typeof configSchema>;

/** A configuration problem, worded for the person starting the bot. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once; a bad value stops start-up with a message naming the key. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  const config = parsed.data;
  requireTogether(config, ['DISCORD_TOKEN', 'DISCORD_APP_ID'], 'Discord');
  requireTogether(config, ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'], 'Slack');
  return config;
}

function requireTogether(config: Config, keys: (keyof Config)[], platform: string): void {
  const set = keys.filter((key) => config[key] !== undefined);
  if (set.length > 0 && set.length < keys.length) {
    const missing = keys.filter((key) => config[key] === undefined);
    throw new ConfigError(`${platform} is half configured: ${set.join(', ')} is set but ${missing.join(', ')} is not. Set ${missing.join(' and ')} (see .env.example), or unset ${set.join(', ')} to use the local console.`);
  }
}

/** Secret values to scrub from every log line. */
export function secretsOf(config: Config): string[] {
  return [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN].filter((value): value is string => Boolean(value));
}
