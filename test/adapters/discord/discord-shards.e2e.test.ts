import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { freePortRun } from '../../fakes/free-port.js';
import { dropRedisNamespace, REDIS_URL } from '../../fakes/store-backends.js';
import { exitWithin, startNodeProcess, type NodeProcess } from '../../ops/node-process.js';
import { eventually } from '../../support/eventually.js';

describe('npm run discord:shards', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startManager(
    env: Record<string, string>,
    fakeOptions: { shards: number },
  ): Promise<{ fake: FakeDiscord; manager: NodeProcess }> {
    const fake = await FakeDiscord.start(fakeOptions);
    cleanups.push(() => fake.close());
    const manager = startNodeProcess('adapters/discord/start-shards.ts', {
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    });
    // Should a test fail midway: its shard processes stop themselves once their manager is gone (tested below).
    cleanups.push(() => manager.kill());
    return { fake, manager };
  }

  it.skipIf(!REDIS_URL)(
    'starts one process per recommended shard, each on its own shard and port; SIGTERM stops them all cleanly (needs Redis: a redis-server on PATH, or REDIS_URL)',
    { timeout: 120_000 },
    async () => {
      // The suite's Redis, in a namespace of this test's own.
      const namespace = `shards-${randomUUID()}`;
      cleanups.push(() => dropRedisNamespace(namespace));
      const port = await freePortRun(2); // shard n listens on PORT + n
      const { fake, manager } = await startManager(
        { STORE_URL: REDIS_URL!, STORE_NAMESPACE: namespace, PORT: String(port) },
        { shards: 2 },
      );

      await manager.waitForLog('all shards ready', { count: 2 }, 45_000);
      expect(fake.gateway.identifies.map((identify) => identify.shard)).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // A shard is ready before it opens its health port: wait for both to say they listen.
      for (const shard of ['0', '1']) await manager.waitForLog('health endpoint listening', { shard });
      const listening = manager.logs().filter((line) => line.message === 'health endpoint listening');
      expect(listening.map((line) => [line.shard, line.port]).sort()).toEqual([
        ['0', port],
        ['1', port + 1],
      ]);
      for (const shardPort of [port, port + 1]) {
        const health = await fetch(`http://127.0.0.1:${shardPort}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({
          status: 'ok',
          store: { ok: true, backend: 'redis' },
          adapters: { discord: { ok: true, state: 'ready' } },
        });
      }
      // Every shard runs the reminder scheduler; the store's claims keep each reminder to one send.
      for (const shard of ['0', '1']) await manager.waitForLog('reminder catch-up after start', { shard });

      manager.child.kill('SIGTERM');
      expect(await exitWithin(manager, 20_000)).toMatchObject({ code: 0, signal: null });
      const stopped = manager.logs().filter((line) => line.message === 'shut down cleanly');
      expect(stopped.map((line) => line.shard ?? line.component).sort()).toEqual(['0', '1', 'shard-manager']);
      expect(
        manager
          .logs()
          .filter((line) => line.message === 'shutting down' && line.shard !== undefined)
          .map((line) => line.reason),
      ).toEqual(['asked by the sharding manager', 'asked by the sharding manager']);
      expect(fake.gateway.openConnections).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port + 1}/healthz`)).rejects.toThrow();
      expect(manager.output()).not.toContain(fake.token);
    },
  );

  it(
    'a shard process whose manager died shuts itself down cleanly instead of lingering on the gateway',
    { timeout: 40_000 },
    async () => {
      const { fake, manager } = await startManager(
        { STORE_URL: 'memory://', DISCORD_SHARD_COUNT: '1', PORT: '0' },
        { shards: 1 },
      );
      await manager.waitForLog('all shards ready', { count: 1 }, 30_000);
      expect(fake.gateway.openConnections).toBe(1);
      manager.child.kill('SIGKILL');
      await manager.waitForLog('shut down cleanly', { shard: '0' }, 15_000);
      expect(manager.logs().find((line) => line.message === 'shutting down')).toMatchObject({
        shard: '0',
        reason: 'the sharding manager is gone',
      });
      await eventually(() => expect(fake.gateway.openConnections).toBe(0));
    },
  );

  it(
    'refuses more than one shard on a store only one process can use, and says to use Redis',
    { timeout: 30_000 },
    async () => {
      const auto = await startManager({ STORE_URL: 'memory://' }, { shards: 2 });
      expect(await exitWithin(auto.manager, 15_000)).toMatchObject({ code: 1 });
      expect(auto.manager.output()).toContain(
        'discord:shards cannot start: 2 shards need a store they all share, and memory:// belongs to one process. Set STORE_URL=redis://',
      );
      expect(auto.fake.gateway.identifies).toEqual([]);

      const fixed = await startManager(
        { STORE_URL: 'sqlite://./data/never-created.sqlite', DISCORD_SHARD_COUNT: '3' },
        { shards: 1 },
      );
      expect(await exitWithin(fixed.manager, 15_000)).toMatchObject({ code: 1 });
      expect(fixed.manager.output()).toContain(
        '3 shards need a store they all share, and sqlite:// belongs to one process',
      );
      expect(fixed.fake.requests).toEqual([]);
    },
  );
});
