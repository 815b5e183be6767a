import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../fakes/free-port.js';
import { eventually } from '../support/eventually.js';
import { ROOT, startNodeProcess, type NodeProcess } from './node-process.js';

const inUse = (file: string) =>
  `${file} is in use by another pathbot process. Stop it first; to run several instances, ` +
  'share a Redis store (STORE_URL=redis://…, see docs/DEPLOY.md).\n';

const FIRST_DONE = '✅ WebRTC Basics';

// Each case starts several real processes; on a busy machine each start can take seconds.
/** A console bot starts tsx and opens its store: 13 s was seen on a busy machine, so wait well past that. */
const PROCESS_WAIT_MS = 40_000;

describe('one process per SQLite file', { timeout: 90_000 }, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  const ended = (bot: NodeProcess) => bot.child.exitCode !== null || bot.child.signalCode !== null;

  async function tempFile(): Promise<{ cwd: string; file: string }> {
    const cwd = await mkdtemp(join(tmpdir(), 'pathbot-one-process-'));
    return { cwd, file: join(cwd, 'data', 'bot.sqlite') };
  }

  /** The console bot on the file; with `input`, stdin ends after it, otherwise it stays open. */
  function startConsoleBot(where: { cwd: string; file: string }, input?: string): NodeProcess {
    const bot = startNodeProcess(
      'src/main.ts',
      { CURRICULUM_DIR: join(ROOT, 'curriculum'), STORE_URL: `sqlite://${where.file}` },
      { cwd: where.cwd, args: ['--user', 'ana'], ...(input === undefined ? { openStdin: true } : { input }) },
    );
    cleanups.push(() => bot.kill());
    return bot;
  }

  /** Types a line into a running console bot and waits for the reply that shows `expected`. */
  async function type(bot: NodeProcess, line: string, expected: string): Promise<void> {
    const before = bot.output().length;
    bot.child.stdin!.write(`${line}\n`);
    await eventually(() => expect(bot.output().slice(before)).toContain(expected), {
      what: `"${expected}" after ${line}`,
      timeoutMs: PROCESS_WAIT_MS,
      hopeless: () => ended(bot),
    });
  }

  async function started(bot: NodeProcess): Promise<void> {
    await eventually(() => expect(bot.output()).toContain('Local console as "ana"'), {
      what: 'the console banner',
      timeoutMs: PROCESS_WAIT_MS,
      hopeless: () => ended(bot),
    });
  }

  it('refuses a second bot in one line, and the first keeps working and keeps what it acknowledged', async () => {
    const where = await tempFile();
    const first = startConsoleBot(where);
    await started(first);
    await type(first, '/webrtc done', '✔ Marked done: WebRTC Basics');

    const second = startConsoleBot(where, '/webrtc progress\n');
    expect(await second.closed).toMatchObject({ code: 1 });
    expect(second.stderr()).toBe(`Cannot start: ${inUse(where.file)}`);
    expect(second.output()).not.toContain('Local console');

    await type(first, '/webrtc done', '✔ Marked done: WebRTC vs WebSockets');
    first.child.stdin!.end();
    expect(await first.closed).toMatchObject({ code: 0 });

    const after = startConsoleBot(where, '/webrtc progress\n');
    expect(await after.closed).toMatchObject({ code: 0 });
    expect(after.output()).toContain(FIRST_DONE);
    expect(after.output()).toContain('✅ WebRTC vs WebSockets');
  });

  it('a SIGKILLed bot leaves the file free, with what it acknowledged', async () => {
    const where = await tempFile();
    const first = startConsoleBot(where);
    await started(first);
    await type(first, '/webrtc done', '✔ Marked done: WebRTC Basics');
    first.kill();
    expect(await first.closed).toMatchObject({ signal: 'SIGKILL' });

    const next = startConsoleBot(where, '/webrtc progress\n');
    expect(await next.closed).toMatchObject({ code: 0 });
    expect(next.stderr()).toBe('');
    expect(next.output()).toContain(FIRST_DONE);
  });

  it('refuses store:check on a file a bot is running on', async () => {
    const where = await tempFile();
    const bot = startConsoleBot(where);
    await started(bot);
    await type(bot, '/webrtc done', '✔ Marked done: WebRTC Basics');
    const check = startNodeProcess(
      'src/check-store-command.ts',
      { CURRICULUM_DIR: join(ROOT, 'curriculum'), STORE_URL: `sqlite://${where.file}` },
      { cwd: where.cwd, args: ['--repair'] },
    );
    cleanups.push(() => check.kill());
    expect(await check.closed).toMatchObject({ code: 1 });
    expect(check.stderr()).toBe(`Store check failed: ${inUse(where.file)}`);
    await type(bot, '/webrtc progress', FIRST_DONE);
  });

  it('refuses store:migrate from a file a bot is running on, before it touches Redis', async () => {
    const where = await tempFile();
    const bot = startConsoleBot(where);
    await started(bot);
    await type(bot, '/webrtc done', '✔ Marked done: WebRTC Basics');

    // Nothing listens on this port: the refusal has to come first.
    const redis = `redis://127.0.0.1:${await freePort()}`;
    const migration = startNodeProcess(
      'src/migrate-store.ts',
      {},
      {
        cwd: where.cwd,
        args: ['--from', `sqlite://${where.file}`, '--to', redis],
      },
    );
    cleanups.push(() => migration.kill());
    expect(await migration.closed).toMatchObject({ code: 1 });
    expect(migration.stderr()).toBe(`Migration failed: ${inUse(where.file)}`);

    await type(bot, '/webrtc progress', FIRST_DONE);
  });
});
