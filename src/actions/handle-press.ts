import type { CommandContext } from '../commands/command-context.js';
import { answer, withNotices } from '../commands/answer-reply.js';
import type { LearningPath } from '../curriculum/learning-path.js';
import { ownerToken } from '../model/button-owner.js';
import type { ActionPress, ChannelRef, UserRef } from '../model/invocation.js';
import type { AddressedReply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { addressReply } from './address-reply.js';
import { alreadyAnsweredReply, claimPressedMessage, pressedMessageKey } from './press-once.js';
import { isKnownAction, runAction } from './run-action.js';

/** What answering a press needs from the bot. */
export interface PressDeps {
  store: Store;
  logger: Logger;
  /** The path a press names, or a UserError. */
  pathNamed: (name: string) => LearningPath;
  contextFor: (path: LearningPath, user: UserRef, channel: ChannelRef) => Promise<CommandContext>;
}

/**
 * Answers a decoded button press: only its owner may press it, and a message settles once (press-once.ts),
 * so a second press, on any instance or after a restart, changes nothing. Says what the pressed card becomes.
 */
export function createPressHandler(deps: PressDeps): (press: ActionPress) => Promise<AddressedReply> {
  const { pathNamed, contextFor } = deps;
  return async (press) => {
    const address = { path: press.path.toLowerCase(), owner: ownerToken(press.user, press.channel) };
    let extra: Pick<AddressedReply, 'pressedCard' | 'inPlace'> = {};
    const reply = await answer(deps.logger, press.path, async () => {
      const path = pathNamed(press.path);
      if (press.ownerId !== press.user.id) {
        return {
          visibility: 'private',
          tone: 'warning',
          text: `This one isn't yours — run \`/${path.command} next\` to get your own.`,
        };
      }
      if (!isKnownAction(press.actionId)) {
        throw new UserError(
          'unknown-action',
          'That button is from an older version of this bot.',
          `Use \`/${path.command} next\` instead.`,
        );
      }
      const pressed = pressedMessageKey(press);
      if (!(await claimPressedMessage(deps.store.claims, pressed))) return alreadyAnsweredReply(path.command);
      const context = await contextFor(path, press.user, press.channel);
      try {
        const result = await runAction(context, press.actionId, press.value);
        if (result.pressedCard) extra = { pressedCard: addressReply(result.pressedCard, address) };
        if (result.inPlace) extra = { inPlace: true };
        return withNotices(context, result.reply);
      } catch (error) {
        if (pressed) await deps.store.claims.release(pressed);
        throw error;
      }
    });
    return { ...addressReply(reply, address), ...extra };
  };
}
