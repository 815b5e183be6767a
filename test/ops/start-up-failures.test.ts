import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { freePort } from '../fakes/free-port.js';
import { ROOT, startNodeProcess, type NodeProcessOptions } from './node-process.js';

const STACK_LINE = /^\s+at /m;

/** Runs an entry point in an empty folder (no developer's .env in reach) until it ends. */
async function run(script: string, env: Record<string, string>, options: NodeProcessOptions = {}) {
  const cwd = options.cwd ?? (await mkdtemp(join(tmpdir(), 'pathbot-start-')));
  const child = startNodeProcess(
    script,
    { CURRICULUM_DIR: join(ROOT, 'curriculum'), STORE_URL: 'memory://', ...env },
    { ...options, cwd },
  );
  const { code } = await child.closed;
  const stderr = child.stderr();
  return {
    code,
    stderr,
    output: child.output(),
    plainLines: stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{')),
  };
}

// Each case starts a real process; on a busy machine that alone can take seconds.
describe('start-up failures, as the person starting the bot sees them', { timeout: 60_000 }, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('a bad setting: one line naming the key and the value, exit code 1', async () => {
    const result = await run('src/main.ts', { PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Cannot start: PORT must be a whole number from 0 to 65535, got "abc". See .env.example for every setting.\n',
    );
  });

  it('a missing curriculum folder: names CURRICULUM_DIR and what to do', async () => {
    const result = await run('src/main.ts', { CURRICULUM_DIR: './nope' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Cannot start: CURRICULUM_DIR ./nope does not exist. Point it at the folder of learning paths (default ./curriculum).\n',
    );
  });

  it('a store that cannot be opened: one line naming the file and STORE_URL', async () => {
    const result = await run('src/main.ts', { STORE_URL: 'sqlite:///dev/null/pathbot/bot.sqlite' });
    expect(result.code).toBe(1);
    expect(result.plainLines).toEqual([
      expect.stringMatching(
        /^Cannot start: cannot open the SQLite store \/dev\/null\/pathbot\/bot\.sqlite: .+\. Check STORE_URL\.$/,
      ),
    ]);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('Redis absent at start-up: one line saying the connection was refused, no log line, never the password', async () => {
    const port = await freePort();
    const result = await run('src/main.ts', { STORE_URL: `redis://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      `Cannot start: cannot reach Redis at redis://127.0.0.1:${port} (connection refused). Start Redis, or check STORE_URL.\n`,
    );

    const withPassword = await run('src/main.ts', { STORE_URL: `redis://:s3cret-do-not-print@127.0.0.1:${port}` });
    expect(withPassword.code).toBe(1);
    expect(withPassword.output).toBe(
      `Cannot start: cannot reach Redis at redis://***@127.0.0.1:${port} (connection refused). Start Redis, or check STORE_URL.\n`,
    );
  });

  it('a Discord token Discord refuses, through the real client: one line naming DISCORD_TOKEN, never the token', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.token-do-not-print';
    const result = await run('src/main.ts', {
      DISCORD_TOKEN: token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    expect(result.code).toBe(1);
    expect(result.plainLines).toEqual([
      'Cannot start: Discord login failed: Discord refused DISCORD_TOKEN; copy the bot token again from the Developer Portal (Bot > Reset Token).',
    ]);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.output).not.toContain(token);
    expect(fake.requests.map((request) => `${request.method} ${request.route} ${request.status}`)).toEqual([
      'GET /gateway/bot 401',
    ]);
  });

  it('a Slack bot token Slack refuses, through the real Bolt app: one line naming SLACK_BOT_TOKEN, never the token', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const token = 'xoxb-1234-5678-wrong-token-do-not-print';
    fake.refusedTokens.add(token);
    const result = await run('src/main.ts', {
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      "Cannot start: Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth); copy the Bot User OAuth Token again from your app's OAuth & Permissions page.\n",
    );
    expect(fake.calls.map((call) => `${call.method} ${call.status}`)).toEqual(['auth.test 200']);
  });

  it('anything unforeseen: its message in one line and where the details are; LOG_LEVEL=debug has the stack', async () => {
    // A "learning path" that is a folder: reading it fails in a way nothing words for the user.
    const curriculum = await mkdtemp(join(tmpdir(), 'pathbot-curriculum-'));
    await mkdir(join(curriculum, 'webrtc.md'));
    const result = await run('src/main.ts', { CURRICULUM_DIR: curriculum });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Cannot start: EISDIR: illegal operation on a directory, read (run with LOG_LEVEL=debug for details)\n',
    );

    const debug = await run('src/main.ts', { CURRICULUM_DIR: curriculum, LOG_LEVEL: 'debug' });
    expect(debug.code).toBe(1);
    expect(debug.plainLines).toEqual([
      'Cannot start: EISDIR: illegal operation on a directory, read (run with LOG_LEVEL=debug for details)',
    ]);
    const logged = debug.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { message: string; error?: { stack?: string } });
    expect(logged.find((line) => line.message === 'cannot start')?.error?.stack).toMatch(/EISDIR[\s\S]*\n\s+at /);
  });

  it('`npm run discord:deploy` with the example .env: one line saying which keys to set', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'pathbot-deploy-'));
    await copyFile(join(ROOT, '.env.example'), join(cwd, '.env'));
    const child = startNodeProcess('adapters/discord/deploy-commands.ts', {}, { cwd });
    const { code } = await child.closed;
    expect(code).toBe(1);
    expect(child.output()).toBe('Cannot deploy: set DISCORD_TOKEN and DISCORD_APP_ID in .env (see docs/DISCORD.md).\n');
  });
});
