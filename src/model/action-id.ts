/**
 * Button ids travel through Discord custom_id (max 100 chars) and Slack action_id/value.
 * Format: "p1|<path>|<action>|<value>|<owner>"; every part is a slug or a platform id.
 * https://discord.com/developers/docs/interactions/message-components#custom-id
 */
export const MAX_ACTION_ID_LENGTH = 100;
const PREFIX = 'p1';
const SEPARATOR = '|';

export interface EncodedAction {
  path: string;
  actionId: string;
  value: string;
  ownerId: string;
}

export function encodeAction(action: EncodedAction): string {
  const parts = [action.path, action.actionId, action.value, action.ownerId];
  if (parts.some((part) => part.includes(SEPARATOR))) {
    throw new Error(`action part contains "${SEPARATOR}": ${parts.join(',')}`);
  }
  const encoded = [PREFIX, ...parts].join(SEPARATOR);
  if (encoded.length > MAX_ACTION_ID_LENGTH) {
    throw new Error(`action id longer than ${MAX_ACTION_ID_LENGTH} characters: ${encoded}`);
  }
  return encoded;
}

/** Returns undefined for anything this bot did not make (old or foreign buttons). */
export function decodeAction(raw: string): EncodedAction | undefined {
  const parts = raw.split(SEPARATOR);
  if (parts.length !== 5 || parts[0] !== PREFIX) return undefined;
  const [, path, actionId, value, ownerId] = parts as [string, string, string, string, string];
  if (!path || !actionId || !ownerId) return undefined;
  return { path, actionId, value, ownerId };
}
