import type { ActionPress } from '../model/invocation.js';
import type { Reply } from '../model/reply.js';
import type { Claims } from '../ports/store.js';

/**
 * A message is answered once: the first press of a button that settles it (every action but Next, the snooze
 * menu and Change reminder, which keep the reminder open) claims the message in the store, so a second press,
 * on any instance and after a restart, finds it taken. Long enough for any reminder still in a DM to be pressed again.
 */
export const PRESSED_MESSAGE_MS = 60 * 24 * 3_600_000;
const OPENING_ACTIONS = new Set(['next', 'snooze-menu', 'settings']);

/** The claim's key, or undefined when this press settles nothing (or the platform named no message). */
export function pressedMessageKey(press: ActionPress): string | undefined {
  if (!press.messageId || OPENING_ACTIONS.has(press.actionId)) return undefined;
  return `pressed:${press.user.platform}:${press.channel.id}:${press.messageId}`;
}

/** True when this press is the message's first; a press that then fails gives the message back. */
export async function claimPressedMessage(claims: Claims, key: string | undefined): Promise<boolean> {
  return key === undefined || (await claims.claim(key, PRESSED_MESSAGE_MS));
}

export function alreadyAnsweredReply(path: string): Reply {
  return {
    visibility: 'private',
    tone: 'info',
    text: `Already done: that message was answered before, so nothing changed.\n\`/${path} next\` shows where you are.`,
  };
}
