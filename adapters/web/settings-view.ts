import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import type { DigestSettings } from '../../src/model/digest-settings.js';
import { decodeWorkspaceId, type WorkspaceId } from '../../src/model/learner-id.js';
import type { Platform } from '../../src/model/invocation.js';
import type { Store } from '../../src/ports/store.js';
import { formatLocal, localDate } from '../../src/reminders/zoned-time.js';
import type { SettingsView } from './views/settings-page.js';

/** A channel's digest on the path, as stored (none when the channel is not one or has none). */
export interface DigestView {
  channel: string;
  digest?: DigestSettings;
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CHANNEL_HINTS: Record<Platform, string> = {
  discord: 'The channel ID (right-click the channel, Copy Channel ID; needs Developer Mode).',
  slack: 'The channel ID (channel name > About, at the bottom), like C0123456789.',
  console: 'The console channel name, like general.',
};

export async function readDigestView(
  deps: { store: Store },
  request: { frame: { community: WorkspaceId }; path: LearningPath },
  channel: string,
): Promise<DigestView> {
  const { platform, workspace } = decodeWorkspaceId(request.frame.community)!;
  if (!channel) return { channel };
  const board = encodeBoardId({ platform, workspace, channel, path: request.path.command });
  const digest = await deps.store.digests.get(board);
  return digest ? { channel, digest } : { channel };
}

/** The form filled with what is saved: the digest's day and time, the community's zone. */
export function settingsView(
  request: { frame: { community: WorkspaceId }; zone: string },
  view: DigestView,
  options: { saved: boolean; weekZone: string },
): SettingsView {
  const platform = decodeWorkspaceId(request.frame.community)!.platform;
  const { digest } = view;
  return {
    input: {
      channel: view.channel,
      day: digest ? WEEKDAY_NAMES[digest.weekday]! : '',
      time: digest?.time ?? '',
      zone: request.zone,
    },
    errors: {},
    shownChannel: view.channel,
    ...(digest && {
      nextDigest: `${formatLocal(digest.zone, digest.nextAt)} ${digest.zone} (${localDate(digest.zone, digest.nextAt)})`,
    }),
    saved: options.saved,
    weekZone: options.weekZone,
    channelHint: CHANNEL_HINTS[platform],
  };
}
