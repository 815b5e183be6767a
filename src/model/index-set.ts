import { decodePart, type WorkspaceId } from './learner-id.js';

/**
 * A set the store keeps beside the records, every member derived from one record: the reminders (or
 * digests) due in a UTC minute, and the learners of a workspace.
 */
export type IndexSet =
  | { kind: 'reminders'; minute: number }
  | { kind: 'digests'; minute: number }
  | { kind: 'workspace'; workspace: WorkspaceId };

const PREFIXES = { reminders: 'due:', digests: 'digest-due:', workspace: 'workspace:' } as const;

/** The one encoding of an index set's name (as the store files it). */
export function encodeIndexSet(set: IndexSet): string {
  return set.kind === 'workspace' ? `${PREFIXES.workspace}${set.workspace}` : `${PREFIXES[set.kind]}${set.minute}`;
}

/** The one decoding of an index set's name; undefined for text that is not one. */
export function decodeIndexSet(text: string): IndexSet | undefined {
  for (const kind of ['reminders', 'digests'] as const) {
    if (!text.startsWith(PREFIXES[kind])) continue;
    const minute = Number(text.slice(PREFIXES[kind].length));
    return Number.isSafeInteger(minute) ? { kind, minute } : undefined;
  }
  if (!text.startsWith(PREFIXES.workspace)) return undefined;
  const workspace = text.slice(PREFIXES.workspace.length);
  const parts = workspace.split(':');
  return parts.length === 2 && parts.every((part) => decodePart(part) !== undefined)
    ? { kind: 'workspace', workspace: workspace as WorkspaceId }
    : undefined;
}
