import type { Platform } from './invocation.js';
import { decodePart } from './learner-id.js';

declare const boardIdBrand: unique symbol;

/** One leaderboard: a channel's for one path, all-time, or for one ISO week of it. */
export type BoardId = string & { readonly [boardIdBrand]: true };

export interface BoardIdParts {
  platform: Platform;
  workspace: string;
  channel: string;
  path: string;
  /** "2026-W49": the weekly board of that ISO week; absent for the all-time board. */
  week?: string;
}

const WEEK_MARK = '#week:';
const WEEK = /^\d{4}-W\d{2}$/;
const PLATFORMS: ReadonlySet<string> = new Set<Platform>(['discord', 'slack', 'console']);

/** The one encoding of a board id: the parts percent-encoded, joined by ":", then "#week:<week>" for a weekly board. */
export function encodeBoardId(board: BoardIdParts): BoardId {
  const channelBoard = [board.platform, board.workspace, board.channel, board.path].map(encodeURIComponent).join(':');
  return (board.week === undefined ? channelBoard : `${channelBoard}${WEEK_MARK}${board.week}`) as BoardId;
}

/** The one decoding of a board id; undefined for text that is not one. */
export function decodeBoardId(text: string): BoardIdParts | undefined {
  const [channelBoard = '', week, ...rest] = text.split(WEEK_MARK);
  if (rest.length > 0 || (week !== undefined && !WEEK.test(week))) return undefined;
  const parts = channelBoard.split(':').map(decodePart);
  if (parts.length !== 4 || parts.some((part) => part === undefined)) return undefined;
  const [platform, workspace, channel, path] = parts as [string, string, string, string];
  if (!PLATFORMS.has(platform) || !channel || !path) return undefined;
  const board: BoardIdParts = { platform: platform as Platform, workspace, channel, path };
  if (week !== undefined) board.week = week;
  return board;
}

/** Text read back from a store (or a learner record) as a board id, when it is one. */
export function asBoardId(text: string): BoardId | undefined {
  return decodeBoardId(text) ? (text as BoardId) : undefined;
}
