import { afterEach, describe, expect, it } from 'vitest';
import { renderConsoleReply } from '../../adapters/console/render-console-reply.js';
import { createBot, type Bot } from '../../src/bot.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { guardStore } from '../../src/infra/guard-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine } from '../../src/infra/open-store.js';
import type { EngineCommit, StoreEngine } from '../../src/infra/store-engine.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { emptyPathState, newLearnerRecord } from '../../src/model/learner.js';
import type { AddressedReply } from '../../src/model/reply.js';
import type { Store } from '../../src/ports/store.js';
import { unconfirmedReply } from '../../src/views/store-failure-reply.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { dropRedisNamespace } from '../fakes/drop-redis-namespace.js';
import { describeEachBackend, freshStoreUrl, REDIS_URL, type BackendKind } from '../fakes/store-backends.js';
import { CURRICULUM_DIR, DEFAULT_NOW } from '../fakes/test-bot.js';
import { consoleBoard, GENERAL, learner } from '../fixtures/learners.js';

const logger = createJsonLogger({ level: 'silent' });
const ada = learner('ada');
const ADA = encodeLearnerId(ada);
const closing: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** What a test holds up: the next commit of Ada's record waits for `hold` before it reaches the engine. */
interface Gate {
  hold?: (commit: EngineCommit) => Promise<void>;
}

/**
 * A bot whose store commits through a gate, and a second store on the same data standing for another
 * instance (it writes past the gate). Both are assembled as openStore assembles them.
 */
async function gatedBot(
  kind: BackendKind,
  timeoutMs = 3_000,
): Promise<{ bot: Bot; store: Store; other: Store; gate: Gate }> {
  const { url, namespace } = await freshStoreUrl(kind);
  const clock = createFakeClock(DEFAULT_NOW);
  const paths = await loadCurricula(CURRICULUM_DIR);
  const learnerRows = learnerRowsRule(paths, 'UTC');
  const { engine, isUnavailable } = await openEngine(url, logger, { clock, namespace });
  closing.push(async () => {
    await engine.close();
    if (kind === 'redis') await dropRedisNamespace(namespace, url);
  });
  const gate: Gate = {};
  const gated = new Proxy(engine, {
    get(target, property, receiver) {
      if (property !== 'commit') return Reflect.get(target, property, receiver) as unknown;
      return async (commit: EngineCommit) => {
        const hold = commit.record?.key === ADA ? gate.hold : undefined;
        if (hold) {
          gate.hold = undefined;
          await hold(commit);
        }
        return target.commit(commit);
      };
    },
  });
  const guard = (on: StoreEngine) =>
    guardStore(assembleStore(on, { clock, logger, learnerRows }), {
      timeoutMs,
      logger,
      ...(isUnavailable && { isUnavailable }),
    });
  const store = guard(gated);
  const bot = createBot({ store, clock, logger, paths, settings: { defaultTimeZone: 'UTC' } });
  return { bot, store, other: guard(engine), gate };
}

function done(bot: Bot, render: (reply: AddressedReply) => string, resource?: string) {
  const args: Record<string, string> = resource ? { resource } : {};
  return bot.handleRendered({ path: 'webrtc', command: 'done', args, user: ada, channel: GENERAL }, render);
}

const [first, second] = (await loadCurricula(CURRICULUM_DIR)).find((path) => path.command === 'webrtc')!.resources;

describeEachBackend('a reply rendered while its commit is in flight', (kind) => {
  it('is rendered before the commit is answered, and handed over only once it is saved', async () => {
    const { bot, store, other, gate } = await gatedBot(kind);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    gate.hold = async () => {
      holding();
      await released;
    };
    let renderedWhileHeld!: (reply: AddressedReply) => void;
    const firstRendering = new Promise<AddressedReply>((resolve) => (renderedWhileHeld = resolve));
    let handedOver = false;
    const answered = done(bot, (reply) => {
      renderedWhileHeld(reply);
      return renderConsoleReply(reply);
    }).then((text) => {
      handedOver = true;
      return text;
    });

    await held;
    const reply = await firstRendering;
    expect(reply.title).toBe(`Marked done: ${first!.title}`);
    expect(handedOver).toBe(false);
    // Read as another instance would (this one's reads of Ada wait for her commit).
    expect(await other.learners.get(ADA)).toBeUndefined();

    release();
    expect(await answered).toBe(renderConsoleReply(reply));
    expect((await store.learners.get(ADA))?.paths.webrtc?.marks[first!.id]?.status).toBe('done');
    expect((await store.boards.top(consoleBoard(), 10, ADA)).self).toMatchObject({ completed: 1 });
  });

  it('a commit the store does not answer in time is told as unconfirmed, never as done', async () => {
    const { bot, other, gate } = await gatedBot(kind, 200);
    let release!: () => void;
    gate.hold = () => new Promise<void>((resolve) => (release = resolve));
    const renderings: string[] = [];
    const text = await done(
      bot,
      (reply) => {
        renderings.push(reply.title ?? reply.text ?? '');
        return renderConsoleReply(reply);
      },
      first!.id,
    );
    expect(renderings).toEqual([`Marked done: ${first!.title}`, unconfirmedReply('webrtc').text]);
    expect(text).toBe(renderConsoleReply(unconfirmedReply('webrtc')));
    // The write lands late; the same `done` said again finds it done, and it counts once.
    release();
    expect(await done(bot, renderConsoleReply, first!.id)).toContain(`Already done: ${first!.title}`);
    const marks = (await other.learners.get(ADA))!.paths.webrtc!.marks;
    expect(Object.keys(marks)).toEqual([first!.id]);
  });

  it('a mistake is rendered as its error, as handle and handleText answer it, and nothing is saved', async () => {
    const { bot, store } = await gatedBot(kind);
    const text = await done(bot, renderConsoleReply, 'no-such-resource');
    expect(text).toMatch(/no-such-resource/);
    const line = { path: 'webrtc', user: ada, channel: GENERAL };
    for (const typed of ['nxt', 'done no-such-resource', 'remind 25:00', '']) {
      expect(await bot.handleTextRendered({ ...line, text: typed }, renderConsoleReply)).toBe(
        renderConsoleReply(await bot.handleText({ ...line, text: typed })),
      );
    }
    expect(await bot.handleTextRendered({ ...line, text: 'nxt' }, renderConsoleReply)).toMatch(
      /nxt.*isn't a WebRTC command/,
    );
    expect(await store.learners.get(ADA)).toBeUndefined();
  });
});

// An SQLite file has one writer (a second process is refused): another's write can come between a read and a
// commit only in memory (the engine checks, as the contract suite does) and on Redis.
for (const kind of ['memory', 'redis'] as const) {
  const needs = kind === 'redis' ? ' (needs Redis: a redis-server on PATH, or REDIS_URL)' : '';
  describe.skipIf(kind === 'redis' && !REDIS_URL)(
    `a reply rendered while its commit is in flight (${kind})${needs}`,
    () => {
      it('another instance saving the learner first: the command runs again on what it saved, and counts once', async () => {
        const { bot, store, other, gate } = await gatedBot(kind);
        // Ada exists (so the bot reads her record), and the other instance marks her first resource done while the
        // bot's commit of that same `done` is on its way: the bot's commit is refused, and its rendering with it.
        await other.learners.update(ADA, () => ({ next: newLearnerRecord('ada', DEFAULT_NOW), result: undefined }));
        gate.hold = async () => {
          await other.learners.update(ADA, (current) => {
            const next = structuredClone(current!);
            next.paths.webrtc = {
              ...emptyPathState(DEFAULT_NOW),
              marks: { [first!.id]: { status: 'done', at: DEFAULT_NOW } },
            };
            return { next, result: undefined };
          });
        };
        const renderings: string[] = [];
        const text = await done(bot, (reply) => {
          renderings.push(reply.title ?? '');
          return renderConsoleReply(reply);
        });
        expect(renderings).toEqual([`Marked done: ${first!.title}`, `Marked done: ${second!.title}`]);
        expect(text).toContain(`Marked done: ${second!.title}`);
        const marks = (await store.learners.get(ADA))!.paths.webrtc!.marks;
        expect(Object.keys(marks).sort()).toEqual([first!.id, second!.id].sort());
      });
    },
  );
}
