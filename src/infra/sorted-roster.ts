/** One roster row as an engine holds it in memory. */
interface Placed {
  member: string;
  key: string;
}

/**
 * One roster held in memory, sorted by (key, member), with each member's row: a page from any offset is a
 * slice, and a member's place a binary search, so a page costs O(log n + limit). Keys are printable ASCII
 * (assertValidRows) and members are ids of ASCII, so JavaScript's string order is Redis's and SQLite's bytewise one.
 */
export class SortedRoster {
  private readonly rows: Placed[] = [];
  private readonly byMember = new Map<string, Placed>();

  constructor(rows: Iterable<Placed> = []) {
    for (const row of rows) this.byMember.set(row.member, { member: row.member, key: row.key });
    this.rows.push(...this.byMember.values());
    this.rows.sort(compare);
  }

  get size(): number {
    return this.rows.length;
  }

  put(member: string, key: string): void {
    this.remove(member);
    const row = { member, key };
    this.rows.splice(this.place(row), 0, row);
    this.byMember.set(member, row);
  }

  remove(member: string): void {
    const existing = this.byMember.get(member);
    if (!existing) return;
    this.rows.splice(this.place(existing), 1);
    this.byMember.delete(member);
  }

  entries(): Iterable<Placed> {
    return this.rows;
  }

  /** `limit` members from `offset`, in order or from the end. */
  page(offset: number, limit: number, order: 'asc' | 'desc'): { members: string[]; total: number } {
    const total = this.rows.length;
    const from = Math.max(0, offset);
    const count = Math.max(0, Math.min(limit, total - from));
    const members: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const at = order === 'asc' ? from + index : total - 1 - from - index;
      members.push(this.rows[at]!.member);
    }
    return { members, total };
  }

  /** The first index whose row does not sort before `row`. */
  private place(row: Placed): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.rows[middle]!, row) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function compare(a: Placed, b: Placed): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.member === b.member) return 0;
  return a.member < b.member ? -1 : 1;
}
