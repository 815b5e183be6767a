import { decodePart, type WorkspaceId } from './learner-id.js';

declare const rosterIdBrand: unique symbol;

/** One community's learners on one path, in one order (the admin's learners page): rows kept sorted by the store. */
export type RosterId = string & { readonly [rosterIdBrand]: true };

/** The orders a roster is kept in. */
export const ROSTER_SORTS = ['progress', 'name', 'last-active'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export interface RosterIdParts {
  community: WorkspaceId;
  path: string;
  sort: RosterSort;
}

/** The one encoding of a roster id: the community, the path percent-encoded, the order, joined by "/". */
export function encodeRosterId({ community, path, sort }: RosterIdParts): RosterId {
  return `${community}/${encodeURIComponent(path)}/${sort}` as RosterId;
}

/** The one decoding of a roster id; undefined for text that is not one. */
export function decodeRosterId(text: string): RosterIdParts | undefined {
  const [community = '', path = '', sort = '', ...rest] = text.split('/');
  const workspace = community.split(':');
  const decodedPath = decodePart(path);
  if (rest.length > 0 || !decodedPath || !(ROSTER_SORTS as readonly string[]).includes(sort)) return undefined;
  if (workspace.length !== 2 || workspace.some((part) => decodePart(part) === undefined)) return undefined;
  return { community: community as WorkspaceId, path: decodedPath, sort: sort as RosterSort };
}
