import type { App, BlockAction, ButtonAction, RespondArguments, RespondFn } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import { FOREIGN_ACTION_ID, OWN_ACTION_ID } from '../../src/model/action-id.js';
import type { Reply } from '../../src/model/reply.js';
import type { Logger } from '../../src/ports/logger.js';
import { answerButtonPress, isHomePress } from './answer-button-press.js';
import { answerSlashCommand } from './answer-slash-command.js';
import type { AppHome } from './app-home.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { ProfileLookup } from './slack-profiles.js';

export interface ListenerDeps {
  bot: Bot;
  home: AppHome;
  profiles: ProfileLookup;
  logger: Logger;
}

/** Subcommands that only read; everything else may change what the Home tab shows. */
const READ_ONLY_COMMANDS = new Set(['', 'help', 'next', 'progress', 'path', 'leaderboard', 'export']);

/** Slash commands (one per learning path) and button presses: acknowledge at once, then answer. */
export function registerSlackListeners(app: App, deps: ListenerDeps): void {
  for (const spec of deps.bot.paths) {
    app.command(`/${spec.name}`, async ({ command, ack, respond }) => {
      await ack();
      const { reply, invocation } = await answerSlashCommand(deps, spec, command);
      await respondSafely(deps.logger, respond, toResponse(reply, command.user_id, spec.name));
      if (invocation && !READ_ONLY_COMMANDS.has(invocation.command)) await deps.home.refresh(invocation.user);
    });
  }

  app.action<BlockAction<ButtonAction>>(OWN_ACTION_ID, async ({ body, action, ack, respond, client }) => {
    await ack();
    const answer = await answerButtonPress(deps, body, action);
    if (!answer) return;
    const { reply, press } = answer;
    // Buttons in the answer belong to whoever pressed; a stranger's answer from the core has none.
    if (isHomePress(body)) {
      // The Home tab has no response_url: the answer goes to the learner's DM with the app.
      const { text, blocks } = renderSlackReply(reply, press.user.id, press.path);
      await client.chat.postMessage({ channel: press.user.id, text, blocks, unfurl_links: false });
    } else {
      await respondSafely(deps.logger, respond, {
        ...toResponse(reply, press.user.id, press.path),
        replace_original: false,
      });
    }
    if (press.user.id === press.ownerId) await deps.home.refresh(press.user);
  });

  // Acknowledge anything else (a link button, an old format) so Slack shows no error; there is nothing to do.
  app.action(FOREIGN_ACTION_ID, async ({ ack, action }) => {
    await ack();
    deps.logger.debug('ignored a Slack action this bot does not handle', {
      actionId: 'action_id' in action ? action.action_id : undefined,
    });
  });
}

/** Private replies are ephemeral; public ones (the leaderboard) are posted in the channel. */
export function toResponse(reply: Reply, ownerId: string, path: string): RespondArguments {
  const { text, blocks } = renderSlackReply(reply, ownerId, path);
  return {
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    text,
    blocks,
    unfurl_links: false,
  };
}

async function respondSafely(logger: Logger, respond: RespondFn, message: RespondArguments): Promise<void> {
  try {
    await respond(message);
  } catch (error) {
    logger.error('could not answer on the Slack response_url', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
