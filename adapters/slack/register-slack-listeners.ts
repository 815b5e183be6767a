import type { App, BlockAction, ButtonAction, RespondArguments, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import { FOREIGN_ACTION_ID, OWN_ACTION_ID } from '../../src/model/action-id.js';
import type { Reply } from '../../src/model/reply.js';
import type { Logger } from '../../src/ports/logger.js';
import { isHomePress, toActionPress } from './answer-button-press.js';
import { answerSafely, type FailureContext } from './answer-safely.js';
import type { AppHome } from './app-home.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { OpenSettingsModal } from './register-settings-forms.js';
import type { ProfileLookup } from './slack-profiles.js';
import { commandChannel, commandUser, toInvocation } from './to-invocation.js';

export interface ListenerDeps {
  bot: Bot;
  home: AppHome;
  profiles: ProfileLookup;
  /** Posts answers (to the DM): a client that never repeats a post by itself. */
  poster: webApi.WebClient;
  /** Bare `remind` and `plan` open the settings form. */
  openModal: OpenSettingsModal;
  logger: Logger;
}

/** Subcommands that only read; everything else may change what the Home tab shows. */
export const READ_ONLY_COMMANDS = new Set(['', 'help', 'next', 'progress', 'path', 'leaderboard', 'export']);

/** Slash commands (one per learning path) and button presses: acknowledge at once, then answer. */
export function registerSlackListeners(app: App, deps: ListenerDeps): void {
  for (const spec of deps.bot.paths) {
    app.command(`/${spec.name}`, async ({ command, ack, respond }) => {
      await ack();
      const user = commandUser(command);
      const context: FailureContext = {
        kind: 'command',
        path: spec.name,
        workspace: user.workspace,
        user: user.id,
        channel: command.channel_id,
      };
      let changed = false;
      await answerSafely(
        deps.logger,
        { message: 'Slack command failed', context },
        async () => {
          const invocation = await toInvocation(deps.profiles, spec, command.text ?? '', user, commandChannel(command));
          context.command = invocation.command;
          const form = await deps.bot.formFor(invocation);
          if (form) return void (await deps.openModal(command.trigger_id, form, invocation.channel));
          const reply = await deps.bot.handle(invocation);
          changed = !READ_ONLY_COMMANDS.has(invocation.command);
          return reply;
        },
        (reply) => respond(toResponse(reply, command.user_id, spec.name)).then(() => undefined),
      );
      if (changed) await deps.home.refresh(user);
    });
  }

  app.action<BlockAction<ButtonAction>>(OWN_ACTION_ID, async ({ body, action, ack, respond }) => {
    await ack();
    const press = toActionPress(body, action);
    if (!press) {
      deps.logger.debug('ignored a Slack button this bot did not make', { actionId: action.action_id });
      return;
    }
    const context: FailureContext = {
      kind: 'button',
      path: press.path,
      action: press.actionId,
      workspace: press.user.workspace,
      user: press.user.id,
    };
    // Buttons in the answer belong to whoever pressed; a stranger's answer from the core has none.
    const deliver = async (reply: Reply) => {
      if (isHomePress(body)) {
        // The Home tab has no response_url: the answer goes to the learner's DM with the app.
        const { text, blocks } = renderSlackReply(reply, press.user.id, press.path);
        await deps.poster.chat.postMessage({ channel: press.user.id, text, blocks, unfurl_links: false });
      } else {
        await respond({ ...toResponse(reply, press.user.id, press.path), replace_original: false });
      }
    };
    await answerSafely(
      deps.logger,
      { message: 'Slack button press failed', context },
      () => deps.bot.handleAction(press),
      deliver,
    );
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
