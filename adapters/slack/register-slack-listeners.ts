import type { App, BlockAction, ButtonAction, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import { decodeAction, FOREIGN_ACTION_ID, OWN_ACTION_ID } from '../../src/model/action-id.js';
import type { AddressedReply } from '../../src/model/reply.js';
import type { Logger } from '../../src/ports/logger.js';
import { isHomePress, pressChannel, pressUser } from './press-refs.js';
import { answerSafely, type FailureContext } from './answer-safely.js';
import type { AppHome } from './app-home.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { OpenSettingsModal } from './register-settings-forms.js';
import type { ProfileLookup } from './slack-profiles.js';
import { commandChannel, commandUser, fromProfile } from './to-invocation.js';

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
      const typed = firstWord(command.text);
      const context: FailureContext = {
        kind: 'command',
        path: spec.name,
        command: typed,
        workspace: user.workspace,
        user: user.id,
        channel: command.channel_id,
      };
      const line = { path: spec.name, text: command.text ?? '', user, channel: commandChannel(command) };
      await answerSafely(
        deps.logger,
        { message: 'Slack command failed', context },
        async () => {
          const enrich = fromProfile(deps.profiles);
          const form = await deps.bot.formForText(line, enrich);
          if (form) return void (await deps.openModal(command.trigger_id, form, line.channel));
          return deps.bot.handleText(line, enrich);
        },
        (reply) => respond(toResponse(reply)).then(() => undefined),
      );
      if (!READ_ONLY_COMMANDS.has(typed)) await deps.home.refresh(user);
    });
  }

  app.action<BlockAction<ButtonAction>>(OWN_ACTION_ID, async ({ body, action, ack, respond, client }) => {
    await ack();
    const user = pressUser(body);
    const decoded = decodeAction(action.action_id);
    const context: FailureContext = {
      kind: 'button',
      path: decoded?.path,
      action: decoded?.actionId ?? action.action_id,
      workspace: user.workspace,
      user: user.id,
    };
    const messageId = pressedMessage(body).ts;
    const press = {
      buttonId: action.action_id,
      user,
      channel: pressChannel(body),
      ...(messageId ? { messageId } : {}),
    };
    await answerSafely(
      deps.logger,
      { message: 'Slack button press failed', context },
      () => deps.bot.press(press),
      (reply) => deliverPressAnswer(reply, { body, respond, client, poster: deps.poster }),
    );
    await deps.home.refresh(user);
  });

  // Acknowledge anything else (a link button, an old format) so Slack shows no error; there is nothing to do.
  app.action(FOREIGN_ACTION_ID, async ({ ack, action }) => {
    await ack();
    deps.logger.debug('ignored a Slack action this bot does not handle', {
      actionId: 'action_id' in action ? action.action_id : undefined,
    });
  });
}

interface PressPlace {
  body: BlockAction<ButtonAction>;
  respond: RespondFn;
  client: webApi.WebClient;
  poster: webApi.WebClient;
}

/**
 * The pressed message becomes what the core says (replace_original through response_url for an ephemeral or
 * channel message; chat.update for a message the bot posted in a DM, a reminder), then the answer follows as
 * a new private message. The Home tab has no message to edit and no response_url: the answer goes to the DM.
 */
async function deliverPressAnswer(reply: AddressedReply, place: PressPlace): Promise<void> {
  const { body } = place;
  if (isHomePress(body)) {
    const { text, blocks } = renderSlackReply(reply);
    await place.poster.chat.postMessage({ channel: body.user.id, text, blocks, unfurl_links: false });
    return;
  }
  const edit = reply.inPlace ? reply : reply.pressedCard;
  if (edit) await editPressedMessage(edit, place);
  if (!reply.inPlace) await place.respond({ ...toResponse(reply), replace_original: false });
}

async function editPressedMessage(card: AddressedReply, { body, respond, client }: PressPlace): Promise<void> {
  const { text, blocks } = renderSlackReply(card);
  const { channel, ts, ephemeral } = pressedMessage(body);
  if (!ephemeral && channel?.startsWith('D') && ts) {
    await client.chat.update({ channel, ts, text, blocks });
    return;
  }
  await respond({ replace_original: true, text, blocks });
}

/** Bolt types the container loosely: the pressed message's channel, ts and whether only the presser sees it. */
function pressedMessage(body: BlockAction<ButtonAction>): { channel?: string; ts?: string; ephemeral: boolean } {
  const container = body.container as { channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  const channel = container?.channel_id ?? body.channel?.id;
  const ts = container?.message_ts ?? body.message?.ts;
  return { ...(channel ? { channel } : {}), ...(ts ? { ts } : {}), ephemeral: container?.is_ephemeral === true };
}

/** Private replies are ephemeral; public ones (the leaderboard) are posted in the channel. */
export function toResponse(reply: AddressedReply): RespondArguments {
  const { text, blocks } = renderSlackReply(reply);
  return {
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    text,
    blocks,
    unfurl_links: false,
  };
}

/** The subcommand as typed, for the log and the Home tab (the core reads the line itself). */
export function firstWord(text: string | undefined): string {
  return (text ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}
