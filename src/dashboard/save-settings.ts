import { saveCommunityZone } from '../community/community-zone.js';
import { scheduleDigest, stopDigest } from '../digest/schedule-digest.js';
import { decodeWorkspaceId, type WorkspaceId } from '../model/learner-id.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { SettingsChoice } from './settings-form.js';

/**
 * Saves the settings form: the community's zone, and the path's digest on the chosen channel (moved off the
 * channel it was on, when the admin picked another one). Through `digests.update`, so the next tick uses it.
 */
export async function saveSettings(
  deps: { store: Store; clock: Clock },
  target: { community: WorkspaceId; path: string; previousChannel?: string },
  choice: SettingsChoice,
): Promise<void> {
  const { platform, workspace } = decodeWorkspaceId(target.community)!;
  const boardOf = (channel: string) => ({ platform, workspace, channel, path: target.path });
  await saveCommunityZone(deps.store.records, target.community, choice.zone);
  if (target.previousChannel && target.previousChannel !== choice.channel)
    await stopDigest(deps.store, boardOf(target.previousChannel));
  if (choice.digest.kind === 'off') await stopDigest(deps.store, boardOf(choice.channel));
  else
    await scheduleDigest(
      deps.store,
      { board: boardOf(choice.channel), weekday: choice.digest.weekday, time: choice.digest.time, zone: choice.zone },
      deps.clock.now(),
    );
}
