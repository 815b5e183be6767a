import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createClient } from '@keyv/redis';
import { eventually } from '../support/eventually.js';
import { freePort } from './free-port.js';

/** A private redis-server on 127.0.0.1 that a test may kill and restart. */
export interface RedisServerProcess {
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL: what a crash or a pulled plug looks like; only the append-only file (when durable) survives. */
  kill(): Promise<void>;
  /** SIGSTOP: the server hangs with every connection open, answering nothing, until `resume`. */
  pause(): Promise<void>;
  /** SIGCONT: the paused server answers what it was sent meanwhile, and goes on. */
  resume(): void;
  /** Whether the server is stopped right now, as the OS reports it. */
  isPaused(): boolean;
  /** Kills the server and removes its directory (for good: it can't be started again). */
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** Fsync every write to an append-only file, so a SIGKILL loses nothing acknowledged (default); otherwise memory only. */
  durable?: boolean;
}

/** Whether `redis-server` is an executable on PATH. */
export function redisServerOnPath(): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export async function createRedisServerProcess({
  durable = true,
}: RedisServerOptions = {}): Promise<RedisServerProcess> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'pathbot-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const persistence = durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | undefined;
  const killNow = () => void child?.kill('SIGKILL');
  process.once('exit', killNow); // never outlive the test run, even when it ends abruptly
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  const isPaused = () => child?.pid !== undefined && processState(child.pid) === 'T';
  return {
    url,
    async start() {
      child = spawn(
        'redis-server',
        ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', ...persistence],
        { stdio: 'ignore' },
      );
      await waitForPing(url);
    },
    kill,
    async pause() {
      child?.kill('SIGSTOP');
      await eventually(
        () => {
          if (!isPaused()) throw new Error('still running');
        },
        { intervalMs: 5, what: 'redis-server to stop on SIGSTOP' },
      );
    },
    resume: () => void child?.kill('SIGCONT'),
    isPaused,
    async stop() {
      await kill();
      process.off('exit', killNow);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The one-letter state of a Linux process (R running, S sleeping, T stopped), from /proc. */
function processState(pid: number): string | undefined {
  try {
    return /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
  } catch {
    return undefined; // gone
  }
}

async function waitForPing(url: string): Promise<void> {
  await eventually(
    async () => {
      const client = createClient({ url, socket: { reconnectStrategy: false } });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
      } finally {
        if (client.isOpen) client.destroy(); // a failed first connect without retries has closed it already
      }
    },
    { intervalMs: 50, what: `redis-server at ${url} to answer PING` },
  );
}
