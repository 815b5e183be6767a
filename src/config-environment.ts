import { z } from 'zod';
import type { LogLevel } from './infra/json-logger.js';

/**
 * The environment as the bot reads it, variable by variable: what each may hold, and the rules that tie
 * several together. config.ts turns it into the settings (Config).
 */

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const satisfies readonly LogLevel[];
// HMAC-SHA256 keys shorter than this are guessable offline from one signed link.
const MIN_SECRET_LENGTH = 32;

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error })
    .regex(/^\s*\d+\s*$/, error)
    .transform(Number)
    .refine((value) => value >= min && value <= max, error);
};
const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone like Europe/Berlin or UTC');
const httpUrl = (example: string) => z.url({ protocol: /^https?$/, error: `must be a URL like ${example}` });
const snowflake = (what: string) => z.string().regex(/^\d{17,20}$/, `must be the numeric ${what}`);

/** Every environment variable the bot reads, as it is written; `.env.example` documents each one. */
export const environmentSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  STORE_URL: z
    .string()
    .regex(/^(sqlite|memory|redis|rediss):\/\//, 'must start with sqlite://, redis:// or memory://')
    .default('sqlite://./data/webrtc.sqlite'),
  STORE_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
    .default('pathbot'),
  // Past it a learner hears "try again" (or "couldn't confirm"), well inside the 5 s they should wait at most.
  STORE_TIMEOUT_SECONDS: wholeNumber(1, 30).default(3),
  CURRICULUM_DIR: z.string().default('./curriculum'),
  DEFAULT_TIME_ZONE: ianaZone.default('UTC'),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APP_ID: snowflake('Application ID (Developer Portal > General Information)').optional(),
  DISCORD_GUILD_ID: snowflake('server (guild) ID').optional(),
  DISCORD_API_URL: httpUrl('https://discord.com/api').optional(),
  // Of Discord's 50 requests/s per bot, for every instance together; interaction answers don't count (adapters/discord/discord-send-budget.ts).
  DISCORD_SENDS_PER_SECOND: wholeNumber(1, 50).default(48),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  SLACK_API_URL: httpUrl('https://slack.com/api/').optional(),
  SLACK_ADMIN_USER_IDS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .default([]),
  SLACK_MESSAGES_PER_MINUTE: wholeNumber(1, 6000).default(100),
  REMINDER_CATCHUP_MINUTES: wholeNumber(0, 24 * 60).default(120),
  PORT: wholeNumber(0, 65535).default(3000),
  HOST: z.string().optional(),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber(1, 600).default(25),
  DASHBOARD_URL: httpUrl('https://bot.example.com').optional(),
  DASHBOARD_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -base64 32)`)
    .optional(),
  DISCORD_SHARD_COUNT: z
    .union([z.literal('auto'), wholeNumber(1, 1000)], {
      error: 'must be auto or a whole number of shards from 1 to 1000',
    })
    .default('auto'),
  // Set by discord.js's ShardingManager for each process it starts (`npm run discord:shards`), never by hand.
  SHARDS: z
    .string()
    .regex(/^(\d+|\[\d+(,\d+)*\])$/, 'must be a shard id or a JSON list of them')
    .transform((text) => [JSON.parse(text) as number | number[]].flat())
    .optional(),
  SHARD_COUNT: wholeNumber(1, 1000).optional(),
});

export type Environment = z.output<typeof environmentSchema>;

/** The names of every variable the schema reads. */
export const ENVIRONMENT_KEYS = Object.keys(environmentSchema.shape);

/** `KEY=` in .env (or an empty variable) means unset, for every key: one rule, here. */
export function withoutBlanks(env: unknown): unknown {
  if (typeof env !== 'object' || env === null) return env;
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
}

const PLATFORM_KEYS = {
  Discord: ['DISCORD_TOKEN', 'DISCORD_APP_ID'],
  Slack: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
} as const;

export function requireTogether(env: Environment, context: z.RefinementCtx): void {
  if ((env.DASHBOARD_URL === undefined) !== (env.DASHBOARD_SECRET === undefined))
    context.addIssue({
      code: 'custom',
      message: `The dashboard is half configured: set both DASHBOARD_URL and DASHBOARD_SECRET (see .env.example), or neither.`,
    });
  for (const [platform, keys] of Object.entries(PLATFORM_KEYS)) {
    const set = keys.filter((key) => env[key] !== undefined);
    const missing = keys.filter((key) => env[key] === undefined);
    if (set.length === 0 || missing.length === 0) continue;
    context.addIssue({
      code: 'custom',
      message: `${platform} is half configured: ${set.join(', ')} is set but ${missing.join(', ')} is not. Set ${missing.join(' and ')} (see .env.example), or unset ${set.join(', ')} to use the local console.`,
    });
  }
}
