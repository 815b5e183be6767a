import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import type { DashboardSettings } from './dashboard/dashboard-settings.js';
import type { LogLevel } from './infra/json-logger.js';
import { StartUpError } from './ops/start-up-error.js';

/** The bot's settings, one typed area per part of the bot; entry points hand each area over as it is. */
export interface Config {
  /** Unset: the console shows warnings only, the servers log from info up. */
  log: { level?: LogLevel };
  store: { url: string; namespace: string; timeoutMs: number };
  curriculum: { dir: string };
  /** Community-wide defaults for the core (`BotSettings`). */
  community: { defaultTimeZone: string };
  reminders: { catchUpMinutes: number };
  http: { port: number; host?: string; shutdownTimeoutSeconds: number };
  /** Present when DASHBOARD_URL and DASHBOARD_SECRET are both set; the console makes its own when they are not. */
  dashboard?: DashboardSettings;
  /** Present when DISCORD_TOKEN and DISCORD_APP_ID are both set. */
  discord?: DiscordSettings;
  /** Present when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are both set. */
  slack?: SlackSettings;
  /** What `npm run discord:shards` starts. */
  shardManager: { count: 'auto' | number };
  /** This process's Discord shards, when the sharding manager started it. */
  shard?: { ids: number[]; count: number };
}

export interface DiscordSettings {
  token: string;
  appId: string;
  guildId?: string;
  apiUrl?: string;
  sendsPerSecond: number;
}

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Set (xapp-…) to use Socket Mode: no public URL needed. Otherwise HTTP at /slack/events. */
  appToken?: string;
  /** Web API base, e.g. http://127.0.0.1:PORT/api/ for a fake; https://slack.com/api/ otherwise. */
  apiUrl?: string;
  adminUserIds: string[];
  /** Direct messages and digests per workspace per minute, for every instance together (the workspace's send budget). */
  workspaceMessagesPerMinute: number;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const satisfies readonly LogLevel[];
/** Their values never appear in a message, not even a wrong one. */
const SECRET_KEYS = new Set([
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DASHBOARD_SECRET',
]);
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
const environmentSchema = z.object({
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

type Environment = z.output<typeof environmentSchema>;

/** The names of every variable the schema reads. */
export const ENVIRONMENT_KEYS = Object.keys(environmentSchema.shape);

/** `KEY=` in .env (or an empty variable) means unset, for every key: one rule, here. */
function withoutBlanks(env: unknown): unknown {
  if (typeof env !== 'object' || env === null) return env;
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
}

/** The environment in, the settings out; `loadConfig` is the way to use it. */
export const configSchema = z.preprocess(
  withoutBlanks,
  environmentSchema.superRefine(requireTogether).transform(toSettings),
);

function toSettings(env: Environment): Config {
  return {
    log: { level: env.LOG_LEVEL },
    store: { url: env.STORE_URL, namespace: env.STORE_NAMESPACE, timeoutMs: env.STORE_TIMEOUT_SECONDS * 1000 },
    curriculum: { dir: env.CURRICULUM_DIR },
    community: { defaultTimeZone: env.DEFAULT_TIME_ZONE },
    reminders: { catchUpMinutes: env.REMINDER_CATCHUP_MINUTES },
    http: { port: env.PORT, host: env.HOST, shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS },
    dashboard:
      env.DASHBOARD_URL && env.DASHBOARD_SECRET
        ? { baseUrl: env.DASHBOARD_URL, secret: env.DASHBOARD_SECRET }
        : undefined,
    discord:
      env.DISCORD_TOKEN && env.DISCORD_APP_ID
        ? {
            token: env.DISCORD_TOKEN,
            appId: env.DISCORD_APP_ID,
            guildId: env.DISCORD_GUILD_ID,
            apiUrl: env.DISCORD_API_URL,
            sendsPerSecond: env.DISCORD_SENDS_PER_SECOND,
          }
        : undefined,
    slack:
      env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
            adminUserIds: env.SLACK_ADMIN_USER_IDS,
            workspaceMessagesPerMinute: env.SLACK_MESSAGES_PER_MINUTE,
          }
        : undefined,
    shardManager: { count: env.DISCORD_SHARD_COUNT },
    shard: env.SHARDS ? { ids: env.SHARDS, count: env.SHARD_COUNT ?? env.SHARDS.length } : undefined,
  };
}

const PLATFORM_KEYS = {
  Discord: ['DISCORD_TOKEN', 'DISCORD_APP_ID'],
  Slack: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
} as const;

function requireTogether(env: Environment, context: z.RefinementCtx): void {
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

/** A configuration problem, worded for the person starting the bot. */
export class ConfigError extends StartUpError {
  override name = 'ConfigError';
}

/**
 * The environment as every entry point reads it: the variables of `file` (`.env`, when there is one)
 * under the real environment, which wins, as with `process.loadEnvFile`.
 */
export function withEnvFile(
  env: Record<string, string | undefined>,
  file = '.env',
): Record<string, string | undefined> {
  return existsSync(file) ? { ...parseEnv(readFileSync(file, 'utf8')), ...env } : env;
}

/** Reads the environment once; a bad value stops start-up with one line naming the key, the value and what it must be. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const keyed = parsed.error.issues.flatMap((issue) => {
    const key = issue.path[0];
    if (typeof key !== 'string') return [];
    const value = env[key];
    const got = value === undefined || SECRET_KEYS.has(key) ? '' : `, got ${JSON.stringify(shown(value))}`;
    return [`${key} ${issue.message}${got}`];
  });
  // The half-configured checks say what to do themselves.
  const whole = parsed.error.issues.filter((issue) => issue.path.length === 0).map((issue) => issue.message);
  const sentences = [
    ...(keyed.length > 0 ? [`${keyed.join('; ')}. See .env.example for every setting.`] : []),
    ...whole,
  ];
  throw new ConfigError(sentences.join(' '));
}

/** A wrong value as it may be shown: without the password of a URL, and not endless. */
function shown(value: string): string {
  const text = value.replace(/\/\/([^@/]*)@/, '//***@');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Secret values to scrub from every log line. */
export function secretsOf(config: Config): string[] {
  return [
    config.discord?.token,
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.dashboard?.secret,
  ].filter((value): value is string => Boolean(value));
}
