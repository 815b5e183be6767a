import { SortedRoster } from '../sorted-roster.js';
import type { RowChanges } from '../store-engine.js';
import type { SerialConnection } from './serial-connection.js';
import { ROWS_PER_PAGE } from './sqlite-boards.js';

/**
 * The rosters, each sorted in memory once it is first asked for (as the boards are, sqlite-boards.ts), so a
 * page from any offset costs O(log n + limit) where SQL's OFFSET would walk every row before it. A roster is
 * loaded holding the connection's queue, so no commit lands between two pages; then every commit that
 * succeeded is applied to it.
 */
export class SqliteRosters {
  private readonly loaded = new Map<string, SortedRoster>();
  private readonly loading = new Map<string, Promise<SortedRoster>>();

  constructor(
    private readonly connection: SerialConnection,
    private readonly namespace: string,
  ) {}

  async page(roster: string, offset: number, limit: number, order: 'asc' | 'desc') {
    return (this.loaded.get(roster) ?? (await this.load(roster))).page(offset, limit, order);
  }

  /** What a committed change did to the rosters already in memory. */
  apply(rows: RowChanges): void {
    for (const { roster, member } of rows.removeRosters) this.loaded.get(roster)?.remove(member);
    for (const { roster, member, key } of rows.putRosters) this.loaded.get(roster)?.put(member, key);
  }

  private load(roster: string): Promise<SortedRoster> {
    let loading = this.loading.get(roster);
    if (!loading) {
      loading = this.connection.hold(async (query) => {
        const rows: Array<{ member: string; key: string }> = [];
        for (let after = ''; ;) {
          const page = await query<{ member: string; key: string }>(
            'SELECT member, sort_key AS key FROM roster_entries WHERE namespace = ? AND roster = ? AND member > ? ORDER BY member LIMIT ?',
            this.namespace,
            roster,
            after,
            ROWS_PER_PAGE,
          );
          rows.push(...page);
          if (page.length < ROWS_PER_PAGE) break;
          after = page.at(-1)!.member;
        }
        const sorted = new SortedRoster(rows);
        this.loaded.set(roster, sorted);
        return sorted;
      });
      const forget = () => this.loading.delete(roster);
      loading.then(forget, forget);
      this.loading.set(roster, loading);
    }
    return loading;
  }
}
