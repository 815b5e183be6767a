import { testLearnerRows } from '../fakes/test-bot.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import type { Invocation } from '../../src/model/invocation.js';
import type { Store } from '../../src/ports/store.js';
import { postSigned, slashCommandRequest } from '../adapters/slack/signed-slack-requests.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { freePort } from '../fakes/free-port.js';
import { dropRedisNamespace, REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot } from '../fakes/test-bot.js';
import { startNodeProcess, type NodeProcess } from '../ops/node-process.js';
import { eventually } from '../support/eventually.js';

const SECRET = 'two-instances-signing-secret';
const TEAM = 'T111';
const CHANNEL = 'C111';
const LEARNERS = 500;
const CONCURRENT = 100;
const namespace = `test-${randomUUID()}`;
const children: NodeProcess[] = [];
let fake: FakeSlack | undefined;
let store: Store | undefined;

afterAll(async () => {
  for (const child of children) child.kill();
  await store?.close();
  await fake?.close();
  await dropRedisNamespace(namespace);
});

interface Instance {
  port: number;
  child: ChildProcess;
  stderr: () => string;
}

/** The real entry point (`npm start`) in Slack HTTP mode on its own port, sharing Redis with the other one. */
async function startInstance(slack: FakeSlack): Promise<Instance> {
  const port = await freePort();
  const env = {
    STORE_URL: REDIS_URL!,
    STORE_NAMESPACE: namespace,
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-two-instances',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_MESSAGES_PER_MINUTE: '6000',
    PORT: String(port),
  };
  const started = startNodeProcess('src/main.ts', env);
  children.push(started);
  const { child } = started;
  const stderr = () => started.output();
  await waitFor(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200,
    20_000,
    () => `instance on ${port} to be healthy:\n${stderr()}`,
  );
  const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
  expect(health).toMatchObject({
    status: 'ok',
    store: { ok: true, backend: 'redis' },
    adapters: { slack: { ok: true } },
  });
  expect(JSON.stringify(health)).not.toContain(SECRET);
  return { port, child, stderr };
}

async function slash(instance: Instance, userId: string, text: string, replyId: string): Promise<void> {
  const request = slashCommandRequest({
    text,
    teamId: TEAM,
    userId,
    userName: userId.toLowerCase(),
    channelId: CHANNEL,
    responseUrl: fake!.responseUrl(replyId),
  });
  const { status } = await postSigned(`http://127.0.0.1:${instance.port}/slack/events`, request, { secret: SECRET });
  expect(status).toBe(200);
}

function replyText(replyId: string): string | undefined {
  const posted = fake!.responses.find((response) => response.id === replyId);
  return posted ? JSON.stringify(posted.body) : undefined;
}

/** Catch-up reports logged by each instance at start: what it sent and what it found already claimed. */
function catchUpReports(instance: Instance): { sent: number; busy: number }[] {
  return instance
    .stderr()
    .split('\n')
    .filter((line) => line.includes('reminder catch-up after start'))
    .map((line) => JSON.parse(line) as { sent: number; busy: number });
}

describe.skipIf(!REDIS_URL)(
  'two bot processes on one Redis (needs Redis: a redis-server on PATH, or REDIS_URL)',
  () => {
    it(
      'send each due reminder once, count every concurrent done and show the same leaderboard',
      { timeout: 150_000 },
      async () => {
        fake = await startFakeSlack();
        // 500 learners whose daily reminder fell due a minute ago, filed before either instance starts.
        const dueAt = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
        const time = new Date(dueAt).toISOString().slice(11, 16);
        const seeder = await createTestBot({ storeUrl: REDIS_URL, namespace, now: dueAt - 5 * 60_000 });
        const users = Array.from({ length: LEARNERS }, (_, index) => `U${String(index).padStart(4, '0')}`);
        for (let start = 0; start < users.length; start += 50) {
          await Promise.all(
            users.slice(start, start + 50).map(async (id) => {
              const invocation: Invocation = {
                path: 'webrtc',
                command: 'remind',
                args: { time, zone: 'UTC' },
                user: { platform: 'slack', workspace: TEAM, id },
                channel: { id: CHANNEL },
              };
              expect((await seeder.bot.handle(invocation)).tone).toBe('success');
            }),
          );
        }
        await seeder.store.close();

        // Both start together: each catches up at start-up and races the other for every reminder.
        const [first, second] = await Promise.all([startInstance(fake), startInstance(fake)]);
        await waitFor(
          async () => catchUpReports(first).length + catchUpReports(second).length === 2,
          90_000,
          () => `both catch-ups:\n${first.stderr()}\n${second.stderr()}`,
        );
        const dms = fake.callsTo('chat.postMessage');
        expect(dms).toHaveLength(LEARNERS);
        expect(new Set(dms.map((call) => call.args.channel)).size).toBe(LEARNERS);
        const [a, b] = [catchUpReports(first)[0]!, catchUpReports(second)[0]!];
        expect(a.sent + b.sent).toBe(LEARNERS);

        // The same 100 learners finish two different resources at once, one through each instance.
        const learners = users.slice(0, CONCURRENT);
        await Promise.all(
          learners.flatMap((id) => [
            slash(first, id, 'done webrtc-basics', `first-${id}`),
            slash(second, id, 'done webrtc-vs-websockets', `second-${id}`),
          ]),
        );
        await waitFor(
          async () => fake!.responses.length >= 2 * CONCURRENT,
          30_000,
          () => `${fake!.responses.length} replies`,
        );
        for (const id of learners) {
          expect(replyText(`first-${id}`)).toContain('Marked done: WebRTC Basics');
          expect(replyText(`second-${id}`)).toContain('Marked done: WebRTC vs WebSockets');
        }
        store = await openStore(REDIS_URL!, createJsonLogger({ level: 'silent' }), {
          namespace,
          learnerRows: await testLearnerRows(),
        });
        for (const id of learners) {
          const marks =
            (await store.learners.get(encodeLearnerId({ platform: 'slack', workspace: TEAM, id })))?.paths.webrtc
              ?.marks ?? {};
          expect(Object.keys(marks).sort()).toEqual(['webrtc-basics', 'webrtc-vs-websockets']);
        }
        // A board lists those who finished something in the channel: the 100, tied at rank 1 with both resources.
        const board = await store.boards.top(
          encodeBoardId({ platform: 'slack', workspace: TEAM, channel: CHANNEL, path: 'webrtc' }),
          CONCURRENT + 1,
        );
        expect(board.total).toBe(CONCURRENT);
        expect(board.rows).toHaveLength(CONCURRENT);
        expect(board.rows.every((row) => row.completed === 2 && row.minutes === 55 && row.rank === 1)).toBe(true);

        // Either instance shows the same leaderboard.
        await slash(first, learners[7]!, 'leaderboard', 'board-first');
        await slash(second, learners[7]!, 'leaderboard', 'board-second');
        await waitFor(
          async () => Boolean(replyText('board-first') && replyText('board-second')),
          15_000,
          () => 'leaderboard replies',
        );
        expect(replyText('board-first')).toContain(`${CONCURRENT} learners on this board`);
        expect(replyText('board-first')).toEqual(replyText('board-second'));

        // A rolling restart: SIGTERM lets each finish and close the store cleanly.
        const exits = [first, second].map(
          ({ child }) => new Promise<number | null>((resolve) => child.once('exit', resolve)),
        );
        for (const { child } of [first, second]) child.kill('SIGTERM');
        expect(await Promise.all(exits)).toEqual([0, 0]);
        expect(fake.callsTo('chat.postMessage')).toHaveLength(LEARNERS);
      },
    );
  },
);

function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  return eventually(async () => expect(await condition()).toBe(true), { timeoutMs, intervalMs: 100, what });
}
