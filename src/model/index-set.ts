import { decodePart, type WorkspaceId } from './learner-id.js';
import { decodePathStat, encodePathStat, type PathStat } from './path-stat.js';
import { remembered } from './remembered.js';

/**
 * A set the store keeps beside the records, every member derived from one record: the reminders (or
 * digests) due in a UTC minute, the learners of a workspace, and the learners behind one figure of a
 * community's path (a counted set: the store keeps its size with every commit, so reading it is not a scan).
 */
export type IndexSet =
  | { kind: 'reminders'; minute: number }
  | { kind: 'digests'; minute: number }
  | { kind: 'workspace'; workspace: WorkspaceId }
  | { kind: 'stats'; community: WorkspaceId; path: string; stat: PathStat };

const PREFIXES = { reminders: 'due:', digests: 'digest-due:', workspace: 'workspace:', stats: 'stats:' } as const;

/** The one encoding of an index set's name (as the store files it). */
export function encodeIndexSet(set: IndexSet): string {
  if (set.kind === 'stats') return Object.isFrozen(set.stat) ? sharedStatsName(set) : statsName(set);
  return set.kind === 'workspace' ? `${PREFIXES.workspace}${set.workspace}` : `${PREFIXES[set.kind]}${set.minute}`;
}

function statsName(set: Extract<IndexSet, { kind: 'stats' }>): string {
  return `${statsGroup(set.community, set.path)}${encodePathStat(set.stat)}`;
}

/**
 * The names of counted sets of a frozen figure (the ones every learner shares: path-aggregate-rows.ts), made
 * once per community and path and handed out as the same string: a write derives a record's rows before and
 * after and compares them, and one string is equal to itself at once, where two equal texts built apart are
 * flattened and compared character by character (docs/PERFORMANCE.md). Starts over past a cap of groups.
 */
const sharedNames = new Map<string, Map<string, WeakMap<PathStat, string>>>();
const SHARED_COMMUNITIES_KEPT = 1_024;

function sharedStatsName(set: Extract<IndexSet, { kind: 'stats' }>): string {
  let byPath = sharedNames.get(set.community);
  if (!byPath) {
    if (sharedNames.size >= SHARED_COMMUNITIES_KEPT) sharedNames.clear();
    sharedNames.set(set.community, (byPath = new Map<string, WeakMap<PathStat, string>>()));
  }
  let byStat = byPath.get(set.path);
  if (!byStat) byPath.set(set.path, (byStat = new WeakMap<PathStat, string>()));
  let name = byStat.get(set.stat);
  if (name === undefined) byStat.set(set.stat, (name = statsName(set)));
  return name;
}

/** The one decoding of an index set's name; undefined for text that is not one. */
export function decodeIndexSet(text: string): IndexSet | undefined {
  for (const kind of ['reminders', 'digests'] as const) {
    if (!text.startsWith(PREFIXES[kind])) continue;
    const minute = Number(text.slice(PREFIXES[kind].length));
    return Number.isSafeInteger(minute) ? { kind, minute } : undefined;
  }
  if (text.startsWith(PREFIXES.stats)) return decodeStatsSet(text.slice(PREFIXES.stats.length));
  if (!text.startsWith(PREFIXES.workspace)) return undefined;
  const workspace = text.slice(PREFIXES.workspace.length);
  return isWorkspaceId(workspace) ? { kind: 'workspace', workspace } : undefined;
}

/** Path names percent-encoded (a bot has a few paths; every counted set's name holds one). */
const encodedPath = remembered(encodeURIComponent, 256);

/**
 * The name every counted set of one community's path starts with: the engines keep a count per set and
 * read a group's counts in one call (`counts(group)`), keyed by the rest of each set's name.
 */
export function statsGroup(community: WorkspaceId, path: string): string {
  return `${PREFIXES.stats}${community}/${encodedPath(path)}/`;
}

/** Every counted set's name starts with this (so an engine can tell, in SQL or Lua, which sets to count). */
export const COUNTED_SET_PREFIX = PREFIXES.stats;

/** The group of a counted set (what `statsGroup` names); undefined for a set whose size the store does not keep. */
export function countGroupOf(set: string): string | undefined {
  return set.startsWith(PREFIXES.stats) ? set.slice(0, set.lastIndexOf('/') + 1) : undefined;
}

function decodeStatsSet(text: string): IndexSet | undefined {
  const [community = '', path = '', stat = '', ...rest] = text.split('/');
  const decodedPath = decodePart(path);
  const decodedStat = decodePathStat(stat);
  if (rest.length > 0 || !isWorkspaceId(community) || !decodedPath || !decodedStat) return undefined;
  return { kind: 'stats', community, path: decodedPath, stat: decodedStat };
}

function isWorkspaceId(text: string): text is WorkspaceId {
  const parts = text.split(':');
  return parts.length === 2 && parts.every((part) => decodePart(part) !== undefined);
}
