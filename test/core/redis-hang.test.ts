import { afterAll, describe, expect, it } from 'vitest';
import { STORE_UNAVAILABLE_REPLY, unconfirmedReply } from '../../src/views/store-failure-reply.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createHealthCheck } from '../../src/ops/create-health-check.js';
import { createHealthEndpoint, HEALTH_PATH } from '../../src/ops/health-endpoint.js';
import { startHealthServer, type HealthServer } from '../../src/ops/start-health-server.js';
import { StoreTimeoutError, type Store } from '../../src/ports/store.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { createRedisServerProcess, redisServerOnPath, type RedisServerProcess } from '../fakes/redis-server-process.js';
import { createTestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';
import { eventually } from '../support/eventually.js';

/** Short, so the test is quick; what it proves is that the answers come while the server is still stopped. */
const DEADLINE_MS = 500;
let server: RedisServerProcess | undefined;
let health: HealthServer | undefined;

afterAll(async () => {
  await health?.close();
  await server?.stop();
});

/** The server stops just as the next learner write goes out: the read before it was answered, the write is not. */
function hangAtNextWrite(store: Store, redis: RedisServerProcess): void {
  const learners = store.learners;
  store.learners = {
    get: (key) => learners.get(key),
    inWorkspace: (workspace) => learners.inWorkspace(workspace),
    due: (minute) => learners.due(minute),
    settle: (minute, slot) => learners.settle(minute, slot),
    setAside: (key) => learners.setAside(key),
    update: async (key, change) => {
      store.learners = learners;
      await redis.pause();
      return learners.update(key, change);
    },
  };
}

describe.skipIf(!redisServerOnPath())(
  'a hung Redis (the server stopped with SIGSTOP; needs redis-server on PATH)',
  () => {
    it(
      'the learner hears back while it hangs, /healthz says 503, a warning is logged, and repeating `done` marks it once',
      { timeout: 60_000 },
      async () => {
        server = await createRedisServerProcess({ durable: false });
        await server.start();
        const log = recordingLogger();
        const t = await createTestBot({ storeUrl: server.url, storeTimeoutMs: DEADLINE_MS, logger: log });
        const check = createHealthCheck({ store: t.store, storeBackend: 'redis', timeoutMs: DEADLINE_MS, secrets: [] });
        health = await startHealthServer({
          port: 0,
          host: '127.0.0.1',
          routes: [{ path: HEALTH_PATH, listener: createHealthEndpoint(check, log) }],
        });
        const healthz = async () => (await fetch(`http://127.0.0.1:${health!.port}/healthz`)).status;
        const ada = learner('ada');
        const [first, second] = t.paths.find((path) => path.command === 'webrtc')!.resources;
        expect((await run(t.bot, ada, 'done')).title).toBe(`Marked done: ${first!.title}`);
        expect(await healthz()).toBe(200);

        hangAtNextWrite(t.store, server);
        expect(await run(t.bot, ada, 'done', { resource: second!.id })).toEqual(unconfirmedReply('webrtc'));
        expect(server.isPaused()).toBe(true);
        expect(await run(t.bot, ada, 'next')).toEqual(STORE_UNAVAILABLE_REPLY);
        // Scheduled work has the same deadline: a tick fails instead of hanging until the server answers.
        await expect(t.bot.reminders.tick()).rejects.toBeInstanceOf(StoreTimeoutError);
        expect(await healthz()).toBe(503);
        expect(server.isPaused()).toBe(true);
        expect(log.lines.filter((line) => line.level === 'warn')).toEqual([
          {
            level: 'warn',
            message: 'store call timed out',
            context: { operation: 'learners.update', timeoutMs: DEADLINE_MS, outcomeUnknown: true },
          },
          {
            level: 'warn',
            message: 'store call timed out',
            context: { operation: 'learners.get', timeoutMs: DEADLINE_MS, outcomeUnknown: false },
          },
          {
            level: 'warn',
            message: 'store call timed out',
            context: { operation: 'learners.due', timeoutMs: DEADLINE_MS, outcomeUnknown: false },
          },
          expect.objectContaining({ level: 'warn', message: 'health check not ok' }),
        ]);

        server.resume();
        await eventually(async () => expect(await healthz()).toBe(200), { what: '/healthz to recover' });
        // The write sent before the hang landed when the server went on, and the log says so.
        expect(log.lines).toContainEqual({
          level: 'info',
          message: 'store call answered after its deadline',
          context: { operation: 'learners.update', outcome: 'succeeded' },
        });
        expect((await run(t.bot, ada, 'done', { resource: second!.id })).title).toBe(`Already done: ${second!.title}`);
        const record = await t.store.learners.get(encodeLearnerId(ada));
        const marks = record!.paths.webrtc!.marks;
        expect(Object.keys(marks).sort()).toEqual([first!.id, second!.id].sort());
        expect(Object.values(marks).every((mark) => mark.status === 'done')).toBe(true);
        expect(record!.rev).toBe(2); // one write per `done` that changed something, none for the repeat
        const progress = await run(t.bot, ada, 'progress');
        expect(progress.progress?.[0]?.detail).toMatch(/\(2 of \d+ resources\)/);
        await t.store.close();
      },
    );
  },
);
