import type { DashboardSettings } from '../dashboard/dashboard-settings.js';
import type { Platform } from '../model/invocation.js';
import type { Clock } from '../ports/clock.js';
import type { DirectMessenger } from '../ports/direct-messenger.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';

/** Community-wide settings the core needs (from the zod config). */
export interface BotSettings {
  /** Zone used when a learner has none yet, and for the weekly leaderboard's week. */
  defaultTimeZone: string;
  /** Where the web dashboard is and what signs its links; without it `dashboard` says it is off. */
  dashboard?: DashboardSettings;
}

/** The collaborators every command shares. */
export interface CoreDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  settings: BotSettings;
  messengers: Map<Platform, DirectMessenger>;
}
