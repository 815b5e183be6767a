import { testLearnerRows } from '../fakes/test-bot.js';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_UNAVAILABLE_REPLY } from '../../src/bot.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { createRedisServerProcess, type RedisServerProcess } from '../fakes/redis-server-process.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot } from '../fakes/test-bot.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';
import { eventually } from '../support/eventually.js';

const NINE_UTC = Date.UTC(2026, 11, 2, 9, 0);
let server: RedisServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
});

describe.skipIf(!REDIS_URL)(
  'Redis stops and comes back during a run (needs Redis: a redis-server on PATH, or REDIS_URL)',
  () => {
    it(
      'users hear "try again", nothing acknowledged is lost, and no reminder goes out twice',
      { timeout: 60_000 },
      async () => {
        server = await createRedisServerProcess();
        await server.start();
        const t = await createTestBot({ storeUrl: server.url, now: NINE_UTC - 23 * 3_600_000 });
        const sends = new Map<string, number>();
        const platform = createRecordingMessenger(() => t.clock.now(), 'console');
        platform.setBehaviour((_target, key) => (sends.set(key, (sends.get(key) ?? 0) + 1), 'deliver'));
        t.bot.registerMessenger(platform.messenger);
        const people = Array.from({ length: 20 }, (_, index) => learner(`u${index}`));
        for (const person of people) {
          expect((await run(t.bot, person, 'remind', { time: '09:00', zone: 'UTC' })).tone).toBe('success');
          expect((await run(t.bot, person, 'done')).title).toContain('Marked done');
        }

        await server.kill();
        const refused = await run(t.bot, people[0]!, 'done');
        expect(refused).toEqual(STORE_UNAVAILABLE_REPLY);
        expect(await t.store.health()).toMatchObject({ ok: false, backend: 'redis' });
        t.clock.set(NINE_UTC);
        await expect(t.bot.reminders.tick()).rejects.toThrow(/store unavailable/);
        expect(platform.deliveries).toHaveLength(0);

        await server.start();
        await eventually(async () => expect(await t.store.health()).toMatchObject({ ok: true }), {
          what: 'the store to reconnect',
        });
        for (const person of people) {
          const record = await t.store.learners.get(encodeLearnerId(person));
          expect(Object.values(record!.paths.webrtc!.marks).filter((mark) => mark.status === 'done')).toHaveLength(1);
        }
        const board = await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 50);
        expect(board.total).toBe(20);
        expect(board.rows.every((row) => row.completed === 1)).toBe(true);

        t.clock.set(NINE_UTC + 60_000);
        expect((await t.bot.reminders.tick()).sent).toBe(20);
        expect((await t.bot.reminders.tick()).sent).toBe(0);
        // Another instance on the same Redis finds nothing left to send.
        const other = await createTestBot({ storeUrl: server.url, namespace: t.namespace, now: NINE_UTC + 2 * 60_000 });
        other.bot.registerMessenger(platform.messenger);
        expect((await other.bot.reminders.tick()).sent).toBe(0);
        expect(platform.deliveries).toHaveLength(20);
        expect([...sends.values()].every((count) => count === 1)).toBe(true);
        expect((await run(t.bot, people[0]!, 'done')).title).toContain('Marked done');
        await other.store.close();
        await t.store.close();
      },
    );

    it(
      'once started, an outage is logged once when it starts and once when it ends, and the store reconnects',
      { timeout: 60_000 },
      async () => {
        const redis = await createRedisServerProcess();
        await redis.start();
        try {
          const lines: string[] = [];
          const store = await openStore(
            redis.url,
            createJsonLogger({ level: 'info', write: (line) => lines.push(line) }),
            { learnerRows: await testLearnerRows() },
          );
          const messages = () => lines.map((line) => (JSON.parse(line) as { message: string }).message);
          await redis.kill();
          await eventually(
            async () => {
              expect((await store.health()).ok).toBe(false);
              expect(messages()).toContain('redis connection lost; reconnecting');
            },
            { what: 'the outage to be noticed' },
          );
          await redis.start();
          await eventually(
            async () => {
              expect((await store.health()).ok).toBe(true);
              expect(messages()).toContain('redis connection restored');
            },
            { what: 'the store to reconnect' },
          );
          expect(messages()).toEqual([
            'store opened',
            'redis connection lost; reconnecting',
            'redis connection restored',
          ]);
          await store.close();
        } finally {
          await redis.kill();
        }
      },
    );
  },
);
