import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { environmentSchema, requireTogether, withoutBlanks, type Environment } from './config-environment.js';
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

export { ENVIRONMENT_KEYS } from './config-environment.js';

/** Their values never appear in a message, not even a wrong one. */
const SECRET_KEYS = new Set([
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DASHBOARD_SECRET',
]);
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
