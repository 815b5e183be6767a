import type { webApi } from '@slack/bolt';
import type { UserRef } from '../../src/model/invocation.js';
import type { Logger } from '../../src/ports/logger.js';

/** What users.info tells us that the core cares about. */
export interface SlackProfile {
  isAdmin: boolean;
  timeZone?: string;
  /** The name the workspace shows for them (display name, else real name, else username). */
  displayName?: string;
}

/** Looks up whether a user administers the workspace (and their time zone and name); any failure means "not an admin". */
export type ProfileLookup = (user: UserRef) => Promise<SlackProfile>;

export interface ProfileLookupDeps {
  client: webApi.WebClient;
  /** Slack user ids allowed to run admin-only subcommands whatever their workspace role. */
  adminUserIds: readonly string[];
  logger: Logger;
  now: () => number;
}

/** Roles change rarely; a short cache keeps users.info off the path of repeated commands. */
const CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 1000;

export function createProfileLookup(deps: ProfileLookupDeps): ProfileLookup {
  const allowList = new Set(deps.adminUserIds);
  const cache = new Map<string, { profile: SlackProfile; until: number }>();
  return async (user) => {
    const key = `${user.workspace}:${user.id}`;
    const cached = cache.get(key);
    if (cached && cached.until > deps.now()) return cached.profile;
    const profile = await fetchProfile(deps, user);
    const result = { ...profile, isAdmin: profile.isAdmin || allowList.has(user.id) };
    if (!profile.failed) {
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(key, { profile: result, until: deps.now() + CACHE_MS });
    }
    return {
      isAdmin: result.isAdmin,
      ...(result.timeZone ? { timeZone: result.timeZone } : {}),
      ...(result.displayName ? { displayName: result.displayName } : {}),
    };
  };
}

async function fetchProfile(deps: ProfileLookupDeps, user: UserRef): Promise<SlackProfile & { failed?: true }> {
  try {
    const answer = await deps.client.users.info({ user: user.id });
    const info = answer.user;
    const isAdmin = Boolean(info?.is_admin || info?.is_owner || info?.is_primary_owner);
    const displayName = info?.profile?.display_name || info?.profile?.real_name || info?.real_name || info?.name;
    return { isAdmin, ...(info?.tz ? { timeZone: info.tz } : {}), ...(displayName ? { displayName } : {}) };
  } catch (error) {
    deps.logger.warn('users.info failed; treating the user as not an admin', {
      workspace: user.workspace,
      user: user.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return { isAdmin: false, failed: true };
  }
}
