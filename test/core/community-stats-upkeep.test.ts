import KeyvSqlite from '@keyv/sqlite';
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStore } from '../../src/infra/check-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine, sqliteFile } from '../../src/infra/open-store.js';
import { RedisKeys } from '../../src/infra/redis/redis-keys.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { statsGroup } from '../../src/model/index-set.js';
import { dropRedisNamespace, freshStoreUrl, REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';
import { COMMUNITY, course, firstPage } from '../fixtures/stats-course.js';

const silent = createJsonLogger({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const GROUP = statsGroup(COMMUNITY, 'course');

/** Ana done twice, Ben once with a reminder: then the bot stops. */
async function seeded(kind: 'sqlite' | 'redis'): Promise<{ t: TestBot; url: string }> {
  const where = await freshStoreUrl(kind);
  if (kind === 'redis') cleanups.push(() => dropRedisNamespace(where.namespace));
  const t = await createTestBot({ storeUrl: where.url, namespace: where.namespace, paths: [course()] });
  const [ana, ben] = [learner('ana', 'Ana'), learner('ben', 'Ben')];
  await run(t.bot, ana, 'done', {}, undefined, 'course');
  await run(t.bot, ana, 'done', {}, undefined, 'course');
  await run(t.bot, ben, 'done', {}, undefined, 'course');
  await run(t.bot, ben, 'remind', { time: '09:00', zone: 'UTC' }, undefined, 'course');
  await t.store.close();
  return { t, url: where.url };
}

/** The figures a restarted bot shows on the same data. */
async function figures(t: TestBot, url: string) {
  const again = await createTestBot({ storeUrl: url, namespace: t.namespace, paths: [course()] });
  cleanups.push(() => again.store.close());
  const stats = again.bot.communityStats;
  const overview = await stats.overview(COMMUNITY, 'course', again.clock.now());
  const page = await stats.learners(COMMUNITY, 'course', firstPage('progress', 'desc'));
  return { overview, names: page.rows.map((row) => row.displayName) };
}

const RIGHT = { overview: { learners: 2, activeThisWeek: 2, remindersOn: 1 }, names: ['Ana', 'Ben'] };

async function onFile(url: string, work: (raw: KeyvSqlite) => Promise<unknown>): Promise<void> {
  const raw = new KeyvSqlite({ uri: `sqlite://${sqliteFile(url)}` });
  try {
    await work(raw);
  } finally {
    await raw.disconnect();
  }
}

/** What a bug or a hand edit leaves: one count too high, one for a set with no members. */
async function damageCounts(kind: 'sqlite' | 'redis', url: string, namespace: string): Promise<void> {
  if (kind === 'sqlite') {
    await onFile(url, async (raw) => {
      await raw.query('UPDATE set_counts SET count = count + 5 WHERE set_key = ?', `${GROUP}learners`);
      await raw.query('INSERT INTO set_counts VALUES (?, ?, 4)', namespace, `${GROUP}finished`);
    });
    return;
  }
  const client = createClient({ url });
  await client.connect();
  try {
    const counts = new RedisKeys(namespace).counts(GROUP);
    await client.hIncrBy(counts, 'learners', 5);
    await client.hSet(counts, 'finished', '4');
  } finally {
    client.destroy();
  }
}

for (const kind of ['sqlite', 'redis'] as const) {
  describe.skipIf(kind === 'redis' && !REDIS_URL)(`the dashboard counts (${kind})`, () => {
    it('store:check finds counts that drifted from their sets, and the repair counts them again', async () => {
      const { t, url } = await seeded(kind);
      await damageCounts(kind, url, t.namespace);
      expect(await figures(t, url)).toMatchObject({ overview: { learners: 7, finished: 4 } });
      await cleanups.pop()!(); // that bot stops
      const { engine } = await openEngine(url, silent, { clock: t.clock, namespace: t.namespace });
      const check = (repair: boolean) =>
        checkStore(engine, { learnerRows: learnerRowsRule([course()], 'UTC'), clock: t.clock, repair });
      expect(await check(false)).toMatchObject({ wrongCounts: 2, missing: 0, wrong: 0, orphans: 0 });
      expect(await check(true)).toMatchObject({ wrongCounts: 2, repaired: true });
      expect(await check(false)).toMatchObject({ wrongCounts: 0 });
      await engine.close();
      expect(await figures(t, url)).toMatchObject({ ...RIGHT, overview: { ...RIGHT.overview, finished: 0 } });
    });
  });
}

describe('a SQLite file of the version before the dashboard', () => {
  it('derives the counted sets and rosters at the first start', async () => {
    const { t, url } = await seeded('sqlite');
    // As that version left it: schema 1, no counted sets, no counts, no rosters.
    await onFile(url, async (raw) => {
      await raw.query("DELETE FROM set_members WHERE set_key LIKE 'stats:%'");
      await raw.query('DELETE FROM set_counts');
      await raw.query('DELETE FROM roster_entries');
      await raw.query("UPDATE store_meta SET value = '1' WHERE name = 'schema'");
    });
    expect(await figures(t, url)).toMatchObject(RIGHT);
    await cleanups.pop()!(); // that bot stops: the file is its own while it runs
    await onFile(url, async (raw) => {
      expect(await raw.query("SELECT value FROM store_meta WHERE name = 'schema'")).toEqual([{ value: '2' }]);
    });
  });
});
