import type { Platform, UserRef } from './invocation.js';

declare const learnerIdBrand: unique symbol;
declare const workspaceIdBrand: unique symbol;

/** One learner: a person in one workspace of one platform. Their record, rows and slots are filed under it. */
export type LearnerId = string & { readonly [learnerIdBrand]: true };
/** One workspace (a Discord guild, a Slack team, the console's "local") of one platform. */
export type WorkspaceId = string & { readonly [workspaceIdBrand]: true };

export interface LearnerIdParts {
  platform: Platform;
  workspace: string;
  id: string;
}

const PLATFORMS: ReadonlySet<string> = new Set<Platform>(['discord', 'slack', 'console']);

/** The one encoding of a learner id: each part percent-encoded, joined by ":" (so no part can hold a ":"). */
export function encodeLearnerId(user: Pick<UserRef, 'platform' | 'workspace' | 'id'>): LearnerId {
  return [user.platform, user.workspace, user.id].map(encodeURIComponent).join(':') as LearnerId;
}

/** The one decoding of a learner id; undefined for text that is not one. */
export function decodeLearnerId(text: string): LearnerIdParts | undefined {
  const parts = text.split(':');
  if (parts.length !== 3) return undefined;
  const [platform, workspace, id] = parts.map(decodePart);
  if (platform === undefined || !PLATFORMS.has(platform) || workspace === undefined || !id) return undefined;
  return { platform: platform as Platform, workspace, id };
}

/** Text read back from a store as a learner id, when it is one. */
export function asLearnerId(text: string): LearnerId | undefined {
  return decodeLearnerId(text) ? (text as LearnerId) : undefined;
}

/** The one encoding of a workspace id. */
export function encodeWorkspaceId(platform: Platform, workspace: string): WorkspaceId {
  return [platform, workspace].map(encodeURIComponent).join(':') as WorkspaceId;
}

/** The one decoding of a workspace id; undefined for text that is not one (a URL's, say). */
export function decodeWorkspaceId(text: string): Pick<LearnerIdParts, 'platform' | 'workspace'> | undefined {
  const parts = text.split(':');
  if (parts.length !== 2) return undefined;
  const [platform, workspace] = parts.map(decodePart);
  if (platform === undefined || !PLATFORMS.has(platform) || !workspace) return undefined;
  return { platform: platform as Platform, workspace };
}

/**
 * Workspaces of learners met lately, and the memo's cap (it starts over past it): every write derives the
 * learner's rows twice, each with its workspace, and decoding the id each time was ~3 µs of a write.
 */
const workspaces = new Map<LearnerId, WorkspaceId>();
const WORKSPACES_KEPT = 4_096;

/** The workspace a learner belongs to. */
export function workspaceOf(learner: LearnerId): WorkspaceId {
  let workspace = workspaces.get(learner);
  if (workspace === undefined) {
    const parts = decodeLearnerId(learner)!;
    workspace = encodeWorkspaceId(parts.platform, parts.workspace);
    if (workspaces.size >= WORKSPACES_KEPT) workspaces.clear();
    workspaces.set(learner, workspace);
  }
  return workspace;
}

/** A percent-encoded part, or undefined when it is not valid percent-encoding. */
export function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
