import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { freePort } from './free-port.js';

/** A private redis-server on 127.0.0.1 that a test may kill and restart; every write is fsynced to its AOF. */
export interface RedisServerProcess {
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL: what a crash or a pulled plug looks like; only the append-only file survives. */
  kill(): Promise<void>;
}

export async function createRedisServerProcess(): Promise<RedisServerProcess> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'pathbot-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    async start() {
      child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], { stdio: 'ignore' });
      await waitForPing(url);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForPing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.destroy();
      return;
    } catch {
      if (client.isOpen) client.destroy(); // a failed first connect without retries has closed it already
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`redis-server at ${url} did not answer within 5 s`);
}
