import type { BoardEntry, BoardPage, RankedEntry } from '../ports/store.js';

/** Leaderboard order: more resources, then more minutes, then who got there first (then by member, bytewise as Redis does). */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  return (
    b.completed - a.completed ||
    b.minutes - a.minutes ||
    a.reachedAt - b.reachedAt ||
    (a.member < b.member ? -1 : a.member > b.member ? 1 : 0)
  );
}

/** Top rows plus the caller's row from a sorted board, with competition ranks (1, 2, 2, 4). */
export function pageOf(sorted: readonly BoardEntry[], limit: number, member?: string): BoardPage {
  const rankAt = (index: number): number => {
    let first = index;
    const entry = sorted[index]!;
    while (
      first > 0 &&
      sorted[first - 1]!.completed === entry.completed &&
      sorted[first - 1]!.minutes === entry.minutes
    )
      first -= 1;
    return first + 1;
  };
  const rows: RankedEntry[] = [];
  let rank = 1;
  for (let index = 0; index < Math.min(limit, sorted.length); index += 1) {
    const entry = sorted[index]!;
    const previous = sorted[index - 1];
    if (!previous || previous.completed !== entry.completed || previous.minutes !== entry.minutes) rank = index + 1;
    rows.push({ ...entry, rank });
  }
  const page: BoardPage = { rows, total: sorted.length };
  const selfIndex = member === undefined ? -1 : sorted.findIndex((entry) => entry.member === member);
  if (selfIndex >= 0) page.self = { ...sorted[selfIndex]!, rank: rankAt(selfIndex) };
  return page;
}
