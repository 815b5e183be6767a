import { z } from 'zod';
import type { WorkspaceId } from '../model/learner-id.js';
import type { RecordStore } from '../ports/store.js';

const zoneRecord = z.object({ v: z.literal(1), zone: z.string().min(1) });

function zoneKey(community: WorkspaceId): string {
  return `community-zone:${community}`;
}

/**
 * The community's time zone, as its admins set it on the dashboard; DEFAULT_TIME_ZONE until they do.
 * The weekly digest's day and time are read in it, and so is the dashboard's "this week".
 */
export async function readCommunityZone(
  records: RecordStore,
  community: WorkspaceId,
  defaultZone: string,
): Promise<string> {
  const parsed = zoneRecord.safeParse(await records.get(zoneKey(community)));
  return parsed.success ? parsed.data.zone : defaultZone;
}

/** Keeps a zone already checked by `resolveTimeZone`. */
export async function saveCommunityZone(records: RecordStore, community: WorkspaceId, zone: string): Promise<void> {
  await records.set(zoneKey(community), { v: 1, zone });
}
