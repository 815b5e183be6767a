import type { BoardEntry, BoardPage, LeaderboardStore, RankedEntry } from '../ports/store.js';
import { putBoardRow, removeBoardRow, type RedisClient } from './redis-script.js';

/** Minutes share a score with the resource count; 2^22 minutes (about 70,000 hours) is far above any path. */
const MINUTES_RANGE = 2 ** 22;
const REACHED_AT_DIGITS = 16;

/** A member's row in the board's hash: what the sorted set can't hold, and where the member sits in it. */
interface StoredRow {
  revision: number;
  name?: string;
  reachedAt?: number;
  /** The member's sorted-set entry; absent once they left the board. */
  slot?: string;
}

/**
 * Leaderboards as Redis sorted sets, so the top rows and a member's rank cost O(log n) however large the
 * channel is. The score orders by resources then minutes (negated: rank 1 comes first); the set member is
 * "reachedAt:member", so Redis's own tie order (bytewise) puts whoever got there first ahead.
 */
export class RedisBoardStore implements LeaderboardStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async put(board: string, entry: BoardEntry): Promise<void> {
    const slot = `${String(entry.reachedAt).padStart(REACHED_AT_DIGITS, '0')}:${entry.member}`;
    const row: StoredRow = { revision: entry.revision, name: entry.name, reachedAt: entry.reachedAt, slot };
    await putBoardRow.run(this.client, this.keys(board), [
      entry.member,
      String(entry.revision),
      slot,
      String(scoreOf(entry)),
      JSON.stringify(row),
    ]);
  }

  async remove(board: string, member: string, revision?: number): Promise<void> {
    await removeBoardRow.run(this.client, this.keys(board), [member, revision === undefined ? '' : String(revision)]);
  }

  async top(board: string, limit: number, member?: string): Promise<BoardPage> {
    const [ranking, rows] = this.keys(board);
    const [leaders, total, self] = await Promise.all([
      limit > 0 ? this.client.zRangeWithScores(ranking, 0, limit - 1) : Promise.resolve([]),
      this.client.zCard(ranking),
      member === undefined ? Promise.resolve(null) : this.client.hGet(rows, member),
    ]);
    const members = leaders.map(({ value }) => value.slice(REACHED_AT_DIGITS + 1));
    const stored = members.length > 0 ? await this.client.hmGet(rows, members) : [];
    const page: BoardPage = { rows: [], total };
    leaders.forEach(({ score }, index) => {
      const previous = page.rows[index - 1];
      const rank = previous && scoreOf(previous) === score ? previous.rank : index + 1;
      page.rows.push(rowOf(members[index]!, score, parseRow(stored[index] ?? null), rank));
    });
    const selfRow = parseRow(self ?? null);
    if (member !== undefined && selfRow?.slot) {
      const score = await this.client.zScore(ranking, selfRow.slot);
      if (score !== null)
        page.self = rowOf(member, score, selfRow, (await this.client.zCount(ranking, '-inf', `(${score}`)) + 1);
    }
    return page;
  }

  private keys(board: string): [ranking: string, rows: string] {
    return [`${this.prefix}board:${board}:ranking`, `${this.prefix}board:${board}:rows`];
  }
}

function scoreOf(entry: Pick<BoardEntry, 'completed' | 'minutes'>): number {
  return -(entry.completed * MINUTES_RANGE + Math.min(entry.minutes, MINUTES_RANGE - 1));
}

function rowOf(member: string, score: number, stored: StoredRow | undefined, rank: number): RankedEntry {
  const value = Math.abs(score); // scores are negated; a learner with nothing done is -0
  return {
    member,
    rank,
    name: stored?.name ?? member,
    completed: Math.floor(value / MINUTES_RANGE),
    minutes: value % MINUTES_RANGE,
    reachedAt: stored?.reachedAt ?? 0,
    revision: stored?.revision ?? 0,
  };
}

function parseRow(raw: string | null): StoredRow | undefined {
  return raw === null ? undefined : (JSON.parse(raw) as StoredRow);
}
