import type { LearningPath } from '../curriculum/learning-path.js';
import { entryFor, weekBoardOf } from '../learners/learner-rows.js';
import type { LearnerId } from '../model/learner-id.js';
import type { Reply } from '../model/reply.js';
import type { BoardEntry, Store } from '../ports/store.js';
import { compareEntries, pageOf } from '../infra/rank-entries.js';
import type { DigestSettings } from '../model/digest-settings.js';

const WEEK_MS = 7 * 86_400_000;
const TOP = 10;
const MEMBERS_READ = 5_000;

/** The week in review for a channel: the last 7 days' ranking and who finished a phase. Pings nobody. */
export async function digestReply(
  store: Store,
  path: LearningPath,
  digest: DigestSettings,
  at: number,
): Promise<Reply> {
  const since = at - WEEK_MS;
  const members = new Set<LearnerId>();
  for (const week of [weekBoardOf(digest.board, digest.zone, since), weekBoardOf(digest.board, digest.zone, at)]) {
    for (const row of (await store.boards.top(week, MEMBERS_READ)).rows) members.add(row.member);
  }
  const entries: BoardEntry[] = [];
  const finishers: string[] = [];
  for (const member of members) {
    const record = await store.learners.get(member);
    if (!record || record.hidden) continue;
    const entry = entryFor(path, record, member, since);
    if (entry.completed > 0) entries.push(entry);
    const marks = record.paths[path.command]?.marks ?? {};
    for (const phase of path.phases) {
      const times = phase.resources.map((resource) =>
        marks[resource.id]?.status === 'done' ? marks[resource.id]!.at : undefined,
      );
      if (times.some((time) => time === undefined)) continue;
      const finishedAt = Math.max(...(times as number[]));
      if (finishedAt > since && finishedAt <= at)
        finishers.push(`${record.name} — Phase ${phase.number}: ${phase.title}`);
    }
  }
  const page = pageOf(entries.sort(compareEntries), TOP);
  const rows = page.rows.map(
    (row) =>
      `**${row.rank}.** ${row.name} — ${row.completed} resource${row.completed === 1 ? '' : 's'}, ${row.minutes} min`,
  );
  const text = [
    rows.length > 0
      ? rows.join('\n')
      : `A quiet week: nobody finished a resource. \`/${path.command} next\` is a good place to start!`,
    ...(finishers.length > 0 ? ['', '**Finished a phase this week 🎉**', ...finishers.map((line) => `- ${line}`)] : []),
  ];
  return {
    visibility: 'public',
    tone: 'info',
    title: `${path.title} — the week in review`,
    text: text.join('\n'),
    footer: `${page.total} learner${page.total === 1 ? '' : 's'} studied this week · /${path.command} leaderboard for all time`,
  };
}
