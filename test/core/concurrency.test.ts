import { afterEach, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { makePath } from '../fixtures/make-path.js';
import { describeEachBackend, freshStoreUrl, type BackendKind } from '../fakes/store-backends.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';

const titles = Array.from({ length: 60 }, (_, index) => `Topic ${index + 1}`);
const longPath = makePath('long', [{ title: 'Everything', resources: titles }]);
let open: TestBot[] = [];

async function storeUrl(kind: BackendKind): Promise<string> {
  return (await freshStoreUrl(kind)).url;
}

afterEach(async () => {
  await Promise.all(open.map((t) => t.store.close()));
  open = [];
});

describeEachBackend('nothing is lost under concurrency', (kind) => {
  it('50 concurrent dones by one learner all count', async () => {
    const t = await createTestBot({ storeUrl: await storeUrl(kind), paths: [longPath] });
    open.push(t);
    const ana = learner('ana');
    const replies = await Promise.all(
      titles.slice(0, 50).map((title) => run(t.bot, ana, 'done', { resource: title }, undefined, 'long')),
    );
    expect(replies.every((reply) => reply.tone !== 'error')).toBe(true);
    const record = await t.store.learners.get(encodeLearnerId(ana));
    expect(Object.keys(record!.paths.long!.marks)).toHaveLength(50);
    const board = await t.store.boards.top(consoleBoard('C-general', 'long'), 10, encodeLearnerId(ana));
    expect(board.self).toMatchObject({ completed: 50, rank: 1 });
  });

  it('50 learners finishing at once in one channel all count', async () => {
    const t = await createTestBot({ storeUrl: await storeUrl(kind) });
    open.push(t);
    const people = Array.from({ length: 50 }, (_, index) => learner(`u${index}`));
    await Promise.all(people.map((person) => run(t.bot, person, 'done')));
    const board = await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 100);
    expect(board.total).toBe(50);
    expect(board.rows.every((row) => row.completed === 1 && row.minutes === 30 && row.rank === 1)).toBe(true);
  });
});
