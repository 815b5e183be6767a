import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/config.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';

describe('configuration', () => {
  it('has working defaults: the embedded SQLite store and the console', () => {
    const config = loadConfig({});
    expect(config.STORE_URL).toBe('sqlite://./data/webrtc.sqlite');
    expect(config.DEFAULT_TIME_ZONE).toBe('UTC');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('names the key of every bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: /);
    expect(() => loadConfig({ STORE_URL: 'mysql://x' })).toThrow(/STORE_URL: must start with sqlite:\/\//);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/Slack is half configured: .* SLACK_SIGNING_SECRET is not/);
  });
});

describe('logs', () => {
  it('are JSON lines that never carry a secret, by value or by field name', () => {
    const lines: string[] = [];
    const config = loadConfig({ DISCORD_TOKEN: 'MTIz.discord-token-value', DISCORD_APP_ID: '123456789012345678' });
    const logger = createJsonLogger({ level: 'info', secrets: secretsOf(config), write: (line) => lines.push(line) }).child({ platform: 'discord' });
    logger.info('login failed', { detail: 'token MTIz.discord-token-value was rejected', authorization: 'Bot abc', token: 'xyz' });
    logger.debug('hidden at info');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', message: 'login failed', platform: 'discord', detail: 'token [redacted] was rejected', authorization: '[redacted]', token: '[redacted]' });
    expect(lines[0]).not.toContain('discord-token-value');
  });
});
