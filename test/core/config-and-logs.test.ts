import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_KEYS, loadConfig, secretsOf, withEnvFile } from '../../src/config.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';

const EXAMPLE = join(import.meta.dirname, '../../.env.example');
/** A plausible value for every key `.env.example` leaves empty. */
const FILLED_IN: Record<string, string> = {
  LOG_LEVEL: 'debug',
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.example-discord-bot-token',
  DISCORD_APP_ID: '123456789012345678',
  DISCORD_GUILD_ID: '876543210987654321',
  DISCORD_API_URL: 'https://discord.com/api',
  SLACK_BOT_TOKEN: 'xoxb-1234567890-0987654321-exampleBotToken',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_APP_TOKEN: 'xapp-1-A0123456789-1234567890-example',
  SLACK_API_URL: 'https://slack.com/api/',
  SLACK_ADMIN_USER_IDS: 'U0123ABCD, U0456EFGH',
  HOST: '127.0.0.1',
  DASHBOARD_URL: 'https://bot.example.com',
  DASHBOARD_SECRET: 'an-example-secret-of-more-than-32-characters',
};

describe('configuration', () => {
  it('has working defaults: the embedded SQLite store and the console', () => {
    const config = loadConfig({});
    expect(config.store).toEqual({ url: 'sqlite://./data/webrtc.sqlite', namespace: 'pathbot', timeoutMs: 3_000 });
    expect(loadConfig({ STORE_TIMEOUT_SECONDS: '5' }).store.timeoutMs).toBe(5_000);
    expect(config.community).toEqual({ defaultTimeZone: 'UTC' });
    expect(config.http).toEqual({ port: 3000, host: undefined, shutdownTimeoutSeconds: 25 });
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it('takes an empty or blank value as unset, for every key', () => {
    const blank = Object.fromEntries(ENVIRONMENT_KEYS.map((key, index) => [key, index % 2 === 0 ? '' : '  ']));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it('names the key, the value and what it must be, in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      'PORT must be a whole number from 0 to 65535, got "abc". See .env.example for every setting.',
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be a whole number from 0 to 65535, got "70000"');
    expect(() => loadConfig({ STORE_URL: 'mysql://x' })).toThrow(
      'STORE_URL must start with sqlite://, redis:// or memory://, got "mysql://x"',
    );
    expect(() => loadConfig({ STORE_TIMEOUT_SECONDS: '0.5' })).toThrow(
      'STORE_TIMEOUT_SECONDS must be a whole number from 1 to 30, got "0.5"',
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud"',
    );
    expect(() => loadConfig({ DISCORD_TOKEN: 'x', DISCORD_APP_ID: 'my-app' })).toThrow(
      'DISCORD_APP_ID must be the numeric Application ID',
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /^Slack is half configured: .* SLACK_SIGNING_SECRET is not/,
    );
    const both = () => loadConfig({ PORT: 'abc', DISCORD_SHARD_COUNT: 'many' });
    expect(both).toThrow(
      'PORT must be a whole number from 0 to 65535, got "abc"; DISCORD_SHARD_COUNT must be auto or a whole number of shards from 1 to 1000, got "many".',
    );
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DISCORD_TOKEN: 'x' })).toThrow(/^[^\n]+$/);
  });

  it('never repeats a secret or a password it refuses', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-value', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /^SLACK_BOT_TOKEN must be a bot token starting with xoxb-\./,
    );
    expect(() => loadConfig({ STORE_URL: 'mysql://admin:hunter22@db:3306' })).toThrow('got "mysql://***@db:3306"');
  });

  it('hands each platform its settings as one area, only when it is fully configured', () => {
    const config = loadConfig({ ...FILLED_IN, PORT: '8080' });
    expect(config.discord).toEqual({
      token: FILLED_IN.DISCORD_TOKEN,
      appId: '123456789012345678',
      guildId: '876543210987654321',
      apiUrl: 'https://discord.com/api',
      sendsPerSecond: 48,
    });
    expect(config.slack).toEqual({
      botToken: FILLED_IN.SLACK_BOT_TOKEN,
      signingSecret: FILLED_IN.SLACK_SIGNING_SECRET,
      appToken: FILLED_IN.SLACK_APP_TOKEN,
      apiUrl: 'https://slack.com/api/',
      adminUserIds: ['U0123ABCD', 'U0456EFGH'],
      workspaceMessagesPerMinute: 100,
    });
    expect(config.http).toEqual({ port: 8080, host: '127.0.0.1', shutdownTimeoutSeconds: 25 });
    expect(secretsOf(config).sort()).toEqual(
      [
        FILLED_IN.DISCORD_TOKEN,
        FILLED_IN.SLACK_APP_TOKEN,
        FILLED_IN.SLACK_BOT_TOKEN,
        FILLED_IN.SLACK_SIGNING_SECRET,
        FILLED_IN.DASHBOARD_SECRET,
      ].sort(),
    );
    expect(loadConfig({ SHARDS: '[2,3]', SHARD_COUNT: '4' }).shard).toEqual({ ids: [2, 3], count: 4 });
    expect(loadConfig({ SHARDS: '1' }).shard).toEqual({ ids: [1], count: 1 });
  });
});

describe('.env.example', () => {
  it('as shipped, loads through the real schema into the console defaults', () => {
    const config = loadConfig(withEnvFile({}, EXAMPLE));
    expect(config).toEqual(loadConfig({}));
  });

  it('with every empty example value filled in, loads and configures both platforms', async () => {
    const shipped = await readFile(EXAMPLE, 'utf8');
    const empty = Object.entries(parseEnv(shipped))
      .filter(([, value]) => value === '')
      .map(([key]) => key);
    expect(empty.sort()).toEqual(Object.keys(FILLED_IN).sort());
    const filled = shipped.replace(/^([A-Z_]+)=$/gm, (line, key: string) => `${key}=${FILLED_IN[key]}`);
    const file = join(await mkdtemp(join(tmpdir(), 'pathbot-env-')), '.env');
    await writeFile(file, filled);
    const config = loadConfig(withEnvFile({}, file));
    expect(config.log.level).toBe('debug');
    expect(config.discord?.token).toBe(FILLED_IN.DISCORD_TOKEN);
    expect(config.slack?.appToken).toBe(FILLED_IN.SLACK_APP_TOKEN);
    expect(config.http.host).toBe('127.0.0.1');
    expect(config.dashboard).toEqual({ baseUrl: FILLED_IN.DASHBOARD_URL, secret: FILLED_IN.DASHBOARD_SECRET });
  });

  it('refuses a dashboard half configured, or a short secret, without showing the secret', () => {
    expect(() => loadConfig({ DASHBOARD_URL: 'https://bot.example.com' })).toThrow(
      'The dashboard is half configured: set both DASHBOARD_URL and DASHBOARD_SECRET',
    );
    const short = () => loadConfig({ DASHBOARD_URL: 'https://bot.example.com', DASHBOARD_SECRET: 'hunter2' });
    expect(short).toThrow('DASHBOARD_SECRET must be at least 32 random characters');
    expect(short).not.toThrow('hunter2');
  });

  it('documents every key the schema reads, and nothing else', async () => {
    const shipped = await readFile(EXAMPLE, 'utf8');
    const written = Object.keys(parseEnv(shipped));
    // Set by the sharding manager, never by hand: the file says so in a comment.
    const managerOnly = ['SHARDS', 'SHARD_COUNT'];
    expect(written.sort()).toEqual(ENVIRONMENT_KEYS.filter((key) => !managerOnly.includes(key)).sort());
    for (const key of managerOnly) expect(shipped).toContain(key);
  });

  it('gives way to the real environment, as process.loadEnvFile does', () => {
    expect(loadConfig(withEnvFile({ PORT: '4000' }, EXAMPLE)).http.port).toBe(4000);
  });
});

describe('logs', () => {
  it('are JSON lines that never carry a secret, by value or by field name', () => {
    const lines: string[] = [];
    const config = loadConfig({ DISCORD_TOKEN: 'MTIz.discord-token-value', DISCORD_APP_ID: '123456789012345678' });
    const logger = createJsonLogger({
      level: 'info',
      secrets: secretsOf(config),
      write: (line) => lines.push(line),
    }).child({ platform: 'discord' });
    logger.info('login failed', {
      detail: 'token MTIz.discord-token-value was rejected',
      authorization: 'Bot abc',
      token: 'xyz',
    });
    logger.debug('hidden at info');
    expect(lines).toHaveLength(1);
    const entry: unknown = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'login failed',
      platform: 'discord',
      detail: 'token [redacted] was rejected',
      authorization: '[redacted]',
      token: '[redacted]',
    });
    expect(lines[0]).not.toContain('discord-token-value');
  });
});
