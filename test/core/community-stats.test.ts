import { afterEach, expect, it } from 'vitest';
import { checkStore } from '../../src/infra/check-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine } from '../../src/infra/open-store.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import type { FunnelStep } from '../../src/ports/community-stats.js';
import { describeEachBackend, dropRedisNamespace, freshStoreUrl } from '../fakes/store-backends.js';
import { createMemoryData, createTestBot, DEFAULT_NOW, type TestBot, type TestBotOptions } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';
import { COMMUNITY, course, DAY_MS, firstPage } from '../fixtures/stats-course.js';

const silent = createJsonLogger({ level: 'silent' });
const [ana, ben, cy] = [learner('ana', 'Ana'), learner('ben', 'Ben'), learner('cy', 'Cy')];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const steps = (funnel: FunnelStep[]) =>
  funnel.map((step) => [step.title, step.reached, step.done, step.skipped, step.medianDaysFromPrevious]);
const go = (t: TestBot, user: typeof ana, command: string, args: Record<string, string> = {}) =>
  run(t.bot, user, command, args, undefined, 'course');

/** Ana does Basics over five days, Ben the first two (and sets a reminder), Cy skips the first one. */
async function seed(t: TestBot) {
  await go(t, ana, 'done');
  await go(t, ben, 'done');
  await go(t, cy, 'skip');
  t.clock.advance(2 * DAY_MS);
  await go(t, ana, 'done');
  await go(t, ben, 'done');
  t.clock.advance(3 * DAY_MS);
  await go(t, ana, 'done');
  await go(t, ben, 'remind', { time: '09:00', zone: 'UTC' });
}

describeEachBackend('the dashboard figures, kept by the write path', (kind) => {
  const place = async (): Promise<TestBotOptions> => {
    const where = await freshStoreUrl(kind);
    if (kind === 'redis') cleanups.push(() => dropRedisNamespace(where.namespace));
    return kind === 'memory'
      ? { memory: createMemoryData(), paths: [course()] }
      : { storeUrl: where.url, namespace: where.namespace, paths: [course()] };
  };

  it('counts learners, this week, reminders, phases and every funnel step; undo and forget take them back', async () => {
    const t = await createTestBot(await place());
    cleanups.push(() => t.store.close());
    await seed(t);
    const stats = t.bot.communityStats;
    const now = t.clock.now(); // Sunday 29 November: the same ISO week as the first marks
    expect(await stats.overview(COMMUNITY, 'course', now)).toEqual({
      learners: 3,
      activeThisWeek: 2,
      finished: 0,
      remindersOn: 1,
      phases: [
        { id: course().phases[0]!.id, title: 'Basics', completed: 1 },
        { id: course().phases[1]!.id, title: 'Advanced', completed: 0 },
      ],
    });
    expect((await stats.overview(COMMUNITY, 'course', now + DAY_MS)).activeThisWeek).toBe(0);
    expect(steps(await stats.funnel(COMMUNITY, 'course'))).toEqual([
      ['Alpha', 3, 2, 1, null],
      ['Beta', 3, 2, 0, 2], // Cy's next one: reached
      ['Gamma', 2, 1, 0, 3],
      ['Delta', 1, 0, 0, null], // open to Ana now that Basics is complete
      ['Epsilon', 0, 0, 0, null],
    ]);

    await go(t, ana, 'undo');
    expect((await stats.overview(COMMUNITY, 'course', now)).phases.map((phase) => phase.completed)).toEqual([0, 0]);
    expect(steps(await stats.funnel(COMMUNITY, 'course')).slice(2, 4)).toEqual([
      ['Gamma', 2, 0, 0, null],
      ['Delta', 0, 0, 0, null],
    ]);

    await go(t, ben, 'forget');
    await t.bot.handleAction({
      path: 'course',
      actionId: 'forget-confirm',
      value: '',
      ownerId: ben.id,
      user: ben,
      channel: { id: 'C-general' },
    });
    expect(await stats.overview(COMMUNITY, 'course', now)).toMatchObject({ learners: 2, remindersOn: 0 });
    expect(steps(await stats.funnel(COMMUNITY, 'course')).slice(0, 2)).toEqual([
      ['Alpha', 2, 1, 1, null],
      ['Beta', 2, 1, 0, 2],
    ]);
  });

  it('pages the learners by progress, name and last activity, both ways, with what an admin sees of each', async () => {
    const t = await createTestBot(await place());
    cleanups.push(() => t.store.close());
    await seed(t);
    const stats = t.bot.communityStats;
    const now = t.clock.now();
    const names = async (...query: Parameters<typeof firstPage>) =>
      (await stats.learners(COMMUNITY, 'course', firstPage(...query))).rows.map((row) => row.displayName);
    expect(await names('progress', 'desc', now)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(await names('progress', 'asc', now)).toEqual(['Cy', 'Ben', 'Ana']);
    expect(await names('name', 'asc', now)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(await names('name', 'desc', now)).toEqual(['Cy', 'Ben', 'Ana']);
    expect(await names('last-active', 'desc', now)).toEqual(['Ana', 'Ben', 'Cy']);
    const page = await stats.learners(COMMUNITY, 'course', { ...firstPage('name', 'asc', now), pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.rows).toEqual([
      {
        displayName: 'Cy',
        position: 'Beta',
        done: 0,
        skipped: 1,
        minutes: 0,
        streakDays: 0,
        lastActiveAt: DEFAULT_NOW,
        reminderOn: false,
      },
    ]);
    const [first] = (await stats.learners(COMMUNITY, 'course', firstPage('progress', 'desc', now))).rows;
    expect(first).toMatchObject({ displayName: 'Ana', position: 'Delta', done: 3, minutes: 33, lastActiveAt: now });
    await expect(
      stats.learners(COMMUNITY, 'course', { ...firstPage('name', 'asc', now), pageSize: 1_000 }),
    ).rejects.toMatchObject({ code: 'bad-page' });
  });

  it('follows the path order after a curriculum reorder, right again once store:check repairs the rows', async () => {
    const options = await place();
    const t = await createTestBot(options);
    await seed(t);
    await go(t, ana, 'undo'); // Ana: Alpha and Beta done; Cy: Alpha skipped; Ben: Alpha and Beta done
    await t.store.close();
    const reordered = course(['Gamma', 'Beta', 'Alpha']);
    const { engine } = await openEngine(options.storeUrl ?? 'memory://', silent, {
      clock: t.clock,
      namespace: t.namespace,
      ...(options.memory && { memory: options.memory }),
    });
    const repair = (repairing: boolean) =>
      checkStore(engine, { learnerRows: learnerRowsRule([reordered], 'UTC'), clock: t.clock, repair: repairing });
    const found = await repair(true);
    expect(found.missing + found.orphans).toBeGreaterThan(0);
    expect(await repair(false)).toMatchObject({ missing: 0, wrong: 0, orphans: 0, wrongCounts: 0 });
    await engine.close();

    const after = await createTestBot({ ...options, paths: [reordered] });
    cleanups.push(() => after.store.close());
    expect(steps(await after.bot.communityStats.funnel(COMMUNITY, 'course'))).toEqual([
      ['Gamma', 3, 0, 0, null], // everyone's next one now
      ['Beta', 2, 2, 0, null], // nobody marked Gamma before it
      ['Alpha', 3, 2, 1, 0], // marked before Beta: no days after it
      ['Delta', 0, 0, 0, null],
      ['Epsilon', 0, 0, 0, null],
    ]);
  });
});
