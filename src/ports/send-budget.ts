/**
 * How fast one scope may send: never more than `limit` sends in any `windowMs`, spaced evenly over it,
 * with up to `burst` back to back after a quiet spell.
 */
export interface SendRate {
  limit: number;
  windowMs: number;
  burst: number;
}

/** Permits for one scope's proactive sends ("discord" for a bot, "slack:<team>" for a workspace). */
export interface SendBudget {
  /**
   * Makes `send` once a permit is granted (in this process, in the order asked). The permit counts from its
   * grant until one window after `send` was answered, so however long the request took on its way, the
   * platform never sees more than the limit in a window.
   */
  withPermit<T>(send: () => Promise<T>): Promise<T>;
  /** Holds every send of the scope back for `ms` (the platform answered 429), in every instance that shares the budget. */
  pause(ms: number): Promise<void>;
}

/**
 * The budgets of proactive sends (reminders, digests, DM opens); interaction answers never take a permit.
 * On a shared store every instance and shard takes from the same budget, so the deployment as a whole keeps
 * to one rate; on an embedded store the budget is this process's own.
 */
export interface SendBudgets {
  /** True when other processes take from the same budgets. */
  readonly shared: boolean;
  /** The budget of one scope, at the rate this instance is configured with. */
  scope(name: string, rate: SendRate): SendBudget;
}
