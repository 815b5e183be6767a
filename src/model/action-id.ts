import { createHash } from 'node:crypto';
import { remembered } from './remembered.js';

/**
 * Button ids travel as Discord's custom_id (at most 100 characters) and Slack's action_id (at most 255).
 * https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 *
 * Format "p2|<path>|<action>|<resource>|<owner>", and every part has a bound:
 * - path: the slash command, at most 32 characters (the curriculum's rule for command names);
 * - action: a one-letter code (ACTION_CODES);
 * - resource: empty, or "~" and 8 characters of the SHA-256 of the resource id: ids may be 48 characters long,
 *   so the button carries a check the core finds the resource by (see src/actions/button-resource.ts);
 * - owner: a platform user id, on Discord in a DM also "@<guild id>" (snowflakes have at most 20 digits).
 * So the longest is 3 + 32 + 1 + 1 + 1 + 9 + 1 + 41 = 89 characters.
 *
 * Buttons sent before (format "p1|<path>|<action id>|<resource id>|<owner>") are still read.
 */
export const MAX_ACTION_ID_LENGTH = 100;
const PREFIX = 'p2';
const OLD_PREFIX = 'p1';
const SEPARATOR = '|';
const RESOURCE_REF = /^~[A-Za-z0-9_-]{8}$/;

/** Every action id this bot makes (or made) starts with a version prefix; adapters route presses by it. */
export const OWN_ACTION_ID = /^p[12]\|(?![^|]*\|o\|)/;
/** The "Change reminder" button (code "o") opens the settings form instead of answering: adapters route it apart. */
export const SETTINGS_ACTION_ID = /^p2\|[^|]*\|o\|/;
export const FOREIGN_ACTION_ID = /^(?!p[12]\|)/;

/** One letter per action, so a long action id never costs the room a resource or owner needs. */
const ACTION_CODES: ReadonlyMap<string, string> = new Map([
  ['done', 'd'],
  ['skip', 's'],
  ['next', 'n'],
  ['forget-confirm', 'f'],
  ['forget-cancel', 'k'],
  ['snooze', 'z'],
  ['snooze-menu', 'm'],
  ['snooze-3h', 'h'],
  ['snooze-evening', 'e'],
  ['snooze-tomorrow', 'w'],
  ['skip-today', 't'],
  ['settings', 'o'],
  ['settings-save', 'v'],
]);
const ACTIONS_BY_CODE: ReadonlyMap<string, string> = new Map([...ACTION_CODES].map(([id, code]) => [code, id]));

export interface EncodedAction {
  path: string;
  actionId: string;
  /** When encoding, a resource id (or empty); decoded, that id's `resourceRef` (an old button: the id itself). */
  value: string;
  ownerId: string;
}

/**
 * The short check a button carries for a resource id: the same id always gives the same ref. Remembered:
 * the ids are a path's resources, a handful, and hashing one again for every button of every reply was 4%
 * of a write command's time.
 */
export const resourceRef = remembered(
  (resourceId) => `~${createHash('sha256').update(resourceId).digest('base64url').slice(0, 8)}`,
  1_024,
);

export function encodeAction(action: EncodedAction): string {
  const parts = [
    action.path,
    ACTION_CODES.get(action.actionId) ?? action.actionId,
    action.value && resourceRef(action.value),
    action.ownerId,
  ];
  if (parts.some((part) => part.includes(SEPARATOR))) {
    throw new Error(`action part contains "${SEPARATOR}": ${parts.join(',')}`);
  }
  const encoded = [PREFIX, ...parts].join(SEPARATOR);
  if (encoded.length > MAX_ACTION_ID_LENGTH) {
    throw new Error(`action id longer than ${MAX_ACTION_ID_LENGTH} characters: ${encoded}`);
  }
  return encoded;
}

/** Returns undefined for anything this bot did not make (foreign buttons, or a shape no version made). */
export function decodeAction(raw: string): EncodedAction | undefined {
  const parts = raw.split(SEPARATOR);
  if (parts.length !== 5) return undefined;
  const [prefix, path, action, value, ownerId] = parts as [string, string, string, string, string];
  if (!path || !action || !ownerId) return undefined;
  if (prefix === OLD_PREFIX) return { path, actionId: action, value, ownerId };
  if (prefix !== PREFIX || (value !== '' && !RESOURCE_REF.test(value))) return undefined;
  return { path, actionId: ACTIONS_BY_CODE.get(action) ?? action, value, ownerId };
}
