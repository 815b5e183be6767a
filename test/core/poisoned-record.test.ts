import { createClient } from '@keyv/redis';
import { writeLearnerText } from '../fakes/sqlite-file.js';
import { afterEach, expect, it } from 'vitest';
import { emptyPathState, newLearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import type { Store } from '../../src/ports/store.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { describeEachBackend, dropRedisNamespace, freshStoreUrl, type BackendKind } from '../fakes/store-backends.js';
import { createMemoryData, createTestBot, type TestBot, type TestBotOptions } from '../fakes/test-bot.js';
import { GENERAL, learner, run, consoleBoard } from '../fixtures/learners.js';

/** Wed 2026-11-25 09:00 UTC: when everyone's reminder is due. */
const NINE_UTC = Date.UTC(2026, 10, 25, 9, 0);
const LEARNERS = 1_000;
/** What the broken record holds: it must reach the learner's export and never a log line. */
const CONTENT = 'private-progress-notes';
const poisoned = learner('u0', 'Poe');
const poisonedKey = encodeLearnerId(poisoned);
const others = Array.from({ length: LEARNERS - 1 }, (_, index) => learner(`u${index + 1}`));

/** One backend's data, reachable from outside the bot: to break a record the way that backend stores it. */
interface Place {
  options: TestBotOptions;
  /** Overwrites the stored learner record with `value`, behind every bot's back. */
  poison: (key: string, value: unknown) => Promise<void>;
  cleanUp: () => Promise<void>;
}

async function placeFor(kind: BackendKind): Promise<Place> {
  const { url, namespace } = await freshStoreUrl(kind);
  if (kind === 'memory') {
    const memory = createMemoryData();
    return {
      options: { memory },
      poison: async (key, value) => void memory.records.learner.set(key, JSON.stringify(value)),
      cleanUp: async () => undefined,
    };
  }
  if (kind === 'sqlite') {
    return {
      options: { storeUrl: url },
      poison: (key, value) => writeLearnerText(url.slice('sqlite://'.length), key, JSON.stringify(value)),
      cleanUp: async () => undefined,
    };
  }
  return {
    options: { storeUrl: url, namespace },
    async poison(key, value) {
      const client = createClient({ url });
      await client.connect();
      await client.set(`${namespace}::learner:${key}`, JSON.stringify(value));
      await client.close();
    },
    cleanUp: () => dropRedisNamespace(namespace),
  };
}

/** Everyone but the poisoned learner, stored as the core stores them: a daily reminder due at 09:00 UTC. */
async function seedOthers(store: Store): Promise<void> {
  const seed = async (user: (typeof others)[number]) => {
    const key = encodeLearnerId(user);
    const record = newLearnerRecord(user.displayName!, NINE_UTC - 86_400_000);
    const state = emptyPathState(record.createdAt);
    state.reminder = {
      time: '09:00',
      zone: 'UTC',
      enabled: true,
      nextAt: NINE_UTC,
      ignored: 0,
      paused: false,
      snoozeAt: null,
    };
    record.paths.webrtc = state;
    await store.learners.update(key, () => ({ next: record, result: undefined }));
  };
  for (let start = 0; start < others.length; start += 50) await Promise.all(others.slice(start, start + 50).map(seed));
}

/**
 * The poisoned learner uses the bot for real (a reminder, a resource done, a leaderboard row), then their
 * bot stops and their stored record is broken the way the bug did it: `marks` is no longer an object.
 */
async function poisonOne(place: Place, first: TestBot): Promise<Record<string, unknown>> {
  await run(first.bot, poisoned, 'remind', { time: '09:00', zone: 'UTC' });
  await run(first.bot, poisoned, 'done');
  const good = (await first.store.learners.get(poisonedKey))!;
  const broken = { ...good, paths: { webrtc: { ...good.paths.webrtc, marks: CONTENT } } };
  // Stopped first, as a process holding an SQLite file is: the file is locked to it while it runs.
  await first.store.close();
  await place.poison(poisonedKey, broken);
  return broken;
}

/** A bot on the data `place` holds, as a process started now would be, with every warning it logs. */
async function startBot(place: Place, now: number): Promise<TestBot & { warnings: string[] }> {
  const t = await createTestBot({ ...place.options, now });
  const warnings: string[] = [];
  t.logger.warn = (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`);
  return { ...t, warnings };
}

const setAsideLines = (lines: string[]) => lines.filter((line) => line.startsWith('learner record set aside'));

let cleanUps: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  cleanUps = [];
});

describeEachBackend('one learner record that fails validation', (kind) => {
  const open = async () => {
    const place = await placeFor(kind);
    const first = await createTestBot({ ...place.options, now: NINE_UTC - 3_600_000 });
    cleanUps.push(place.cleanUp);
    return { place, first };
  };

  it(
    `among ${LEARNERS} due in one minute: the tick sends the other ${LEARNERS - 1} in that minute`,
    { timeout: 120_000 },
    async () => {
      const { place, first } = await open();
      await seedOthers(first.store);
      await poisonOne(place, first);

      const t = await startBot(place, NINE_UTC);
      cleanUps.push(() => t.store.close());
      const recorder = createRecordingMessenger(() => t.clock.now());
      t.bot.registerMessenger(recorder.messenger);
      const report = await t.bot.reminders.tick();

      expect(new Set(recorder.deliveries.map((delivery) => delivery.to)).size).toBe(LEARNERS - 1);
      expect(recorder.deliveries.some((delivery) => delivery.to === poisoned.id)).toBe(false);
      // Set aside by the read, the record holds no reminder any more: its slot is stale, nothing failed.
      expect(report).toMatchObject({ sent: LEARNERS - 1, stale: 1, failed: 0 });
      expect(setAsideLines(t.warnings)).toHaveLength(1);
    },
  );

  it(`after a restart, the catch-up sends the other ${LEARNERS - 1} too`, { timeout: 120_000 }, async () => {
    const { place, first } = await open();
    await seedOthers(first.store);
    await poisonOne(place, first);

    // Down at 09:00; started again at 09:20, inside the catch-up window.
    const restarted = await startBot(place, NINE_UTC + 20 * 60_000);
    cleanUps.push(() => restarted.store.close());
    const recorder = createRecordingMessenger(() => restarted.clock.now());
    restarted.bot.registerMessenger(recorder.messenger);
    const report = await restarted.bot.reminders.catchUp();

    expect(new Set(recorder.deliveries.map((delivery) => delivery.to)).size).toBe(LEARNERS - 1);
    expect(report).toMatchObject({ sent: LEARNERS - 1, stale: 1, failed: 0 });
  });

  it('its learner is told once, can go on, export what was saved, and forget it all; the log never shows it', async () => {
    const { place, first } = await open();
    const broken = await poisonOne(place, first);
    const t = await startBot(place, NINE_UTC);
    cleanUps.push(() => t.store.close());
    t.bot.registerMessenger(createRecordingMessenger(() => t.clock.now()).messenger);

    const told = await run(t.bot, poisoned, 'progress');
    expect(told.text).toContain(
      "⚠️ I couldn't read your saved progress, so I set it aside and you're starting fresh. `/webrtc export` shows what was saved; `/webrtc forget` deletes it.",
    );
    expect((await run(t.bot, poisoned, 'progress')).text).not.toContain("couldn't read your saved progress");
    expect((await run(t.bot, poisoned, 'done')).title).toContain('Marked done');

    const exported = (await run(t.bot, poisoned, 'export')).text!;
    expect(exported).toContain("Saved progress I couldn't read and set aside, as it was stored:");
    const blocks = [...exported.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown);
    expect(blocks[0]).toMatchObject({ unreadableProgressSetAside: { at: '2026-11-25T09:00:00Z', toldYou: true } });
    expect(blocks[1]).toEqual([
      {
        setAsideAt: '2026-11-25T09:00:00Z',
        unreadableAt: ['paths.webrtc.marks'],
        raw: JSON.parse(JSON.stringify(broken)) as unknown,
      },
    ]);

    const asked = await run(t.bot, poisoned, 'forget');
    expect(asked.buttons?.[0]?.action.id).toBe('forget-confirm');
    await t.bot.handleAction({
      path: 'webrtc',
      actionId: 'forget-confirm',
      value: '',
      user: poisoned,
      ownerId: poisoned.id,
      channel: GENERAL,
    });
    expect((await run(t.bot, poisoned, 'export')).text).toBe("I don't store anything about you.");
    expect(await t.store.learners.setAside(poisonedKey)).toEqual([]);
    expect(await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 10)).toMatchObject({ total: 0 });

    const lines = setAsideLines(t.warnings);
    expect(lines).toEqual([
      `learner record set aside: failed validation {"learner":"${poisonedKey}","issues":["paths.webrtc.marks"]}`,
    ]);
    expect(t.warnings.join('\n')).not.toContain(CONTENT);
  });

  it('read by two at once, it is set aside once; a write after that is kept', async () => {
    const { place, first } = await open();
    await poisonOne(place, first);
    // Redis is shared by processes: two bots; an embedded store belongs to one process: one bot, two readers.
    const one = await startBot(place, NINE_UTC);
    const two = kind === 'redis' ? await startBot(place, NINE_UTC) : one;
    cleanUps.push(() => one.store.close());
    if (two !== one) cleanUps.push(() => two.store.close());

    const [a, b] = await Promise.all([one.store.learners.get(poisonedKey), two.store.learners.get(poisonedKey)]);
    expect(a).toEqual(b);
    expect(await one.store.learners.setAside(poisonedKey)).toHaveLength(1);
    expect(setAsideLines([...one.warnings, ...(two === one ? [] : two.warnings)])).toHaveLength(1);

    // A write that lands after the record was set aside stays: the next read does not set anything aside again.
    await two.store.learners.update(poisonedKey, (current) => ({
      next: { ...current!, hidden: true },
      result: undefined,
    }));
    expect((await one.store.learners.get(poisonedKey))?.hidden).toBe(true);
    expect(await one.store.learners.setAside(poisonedKey)).toHaveLength(1);
  });
});
