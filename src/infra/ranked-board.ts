import type { BoardEntry, BoardPage, RankedEntry } from '../ports/store.js';
import { compareEntries } from './rank-entries.js';

/**
 * One leaderboard held in memory, sorted, with each member's row. Finding a member's place and rank is a
 * binary search, so a page costs O(limit + log n), not O(n).
 */
export class RankedBoard {
  private readonly rows: BoardEntry[] = [];
  private readonly byMember = new Map<string, BoardEntry>();

  constructor(rows: Iterable<BoardEntry> = []) {
    for (const row of rows) this.byMember.set(row.member, row);
    this.rows.push(...this.byMember.values());
    this.rows.sort(compareEntries);
  }

  get size(): number {
    return this.rows.length;
  }

  /** True when the member has a row on the board. */
  has(member: string): boolean {
    return this.byMember.has(member);
  }

  put(entry: BoardEntry): void {
    this.takeOut(entry.member);
    this.rows.splice(
      this.lowerBound((row) => compareEntries(row, entry) < 0),
      0,
      entry,
    );
    this.byMember.set(entry.member, entry);
  }

  remove(member: string): void {
    this.takeOut(member);
  }

  entries(): Iterable<BoardEntry> {
    return this.rows;
  }

  page(limit: number, member?: string): BoardPage {
    const rows: RankedEntry[] = [];
    for (let index = 0; index < Math.min(limit, this.rows.length); index += 1) {
      const entry = this.rows[index]!;
      const previous = rows[index - 1];
      rows.push({ ...entry, rank: previous && sameScore(previous, entry) ? previous.rank : index + 1 });
    }
    const page: BoardPage = { rows, total: this.rows.length };
    const self = member === undefined ? undefined : this.byMember.get(member);
    if (self) page.self = { ...self, rank: this.rankOf(self) };
    return page;
  }

  /** Competition rank: one more than the number of rows with a strictly better score. */
  private rankOf(entry: BoardEntry): number {
    return (
      this.lowerBound(
        (row) => row.completed > entry.completed || (row.completed === entry.completed && row.minutes > entry.minutes),
      ) + 1
    );
  }

  private takeOut(member: string): void {
    const existing = this.byMember.get(member);
    if (!existing) return;
    this.rows.splice(
      this.lowerBound((row) => compareEntries(row, existing) < 0),
      1,
    );
    this.byMember.delete(member);
  }

  /** The first index where `before` stops holding (the rows are sorted so that it holds for a prefix). */
  private lowerBound(before: (row: BoardEntry) => boolean): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.rows[middle]!)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function sameScore(a: BoardEntry, b: BoardEntry): boolean {
  return a.completed === b.completed && a.minutes === b.minutes;
}
