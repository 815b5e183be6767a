/** One request a fake refused for being over its budget. */
export interface Refusal {
  key: string;
  at: number;
  /** Which window it fell in (wall-clock time divided by the window length). */
  window: number;
}

/**
 * A request budget as a fake platform enforces it: at most `limit` requests per fixed window of `windowMs`
 * (aligned to the wall clock), counted separately per key (a bot, a workspace). Refusals are kept, so a
 * benchmark can tell how many 429s a sender provoked and whether they came in bursts.
 */
export class FixedWindowBudget {
  readonly refusals: Refusal[] = [];
  private readonly used = new Map<string, { window: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit > 0) || !(windowMs > 0))
      throw new Error(`a budget needs limit > 0 and windowMs > 0 (got ${limit}, ${windowMs})`);
  }

  /** Counts one request: undefined when it fits, otherwise the seconds until its window ends (for Retry-After). */
  take(key = ''): number | undefined {
    const at = this.now();
    const window = Math.floor(at / this.windowMs);
    const current = this.used.get(key);
    const count = current?.window === window ? current.count + 1 : 1;
    this.used.set(key, { window, count });
    if (count <= this.limit) return undefined;
    this.refusals.push({ key, at, window });
    return ((window + 1) * this.windowMs - at) / 1000;
  }

  /** The most refusals any one key got in any one window (a sender that backs off gets at most one). */
  maxRefusalsPerWindow(): number {
    const perWindow = new Map<string, number>();
    for (const { key, window } of this.refusals)
      perWindow.set(`${key}@${window}`, (perWindow.get(`${key}@${window}`) ?? 0) + 1);
    return Math.max(0, ...perWindow.values());
  }
}
