import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { Logger } from '../../src/ports/logger.js';
import { answerSafely, type FailureContext } from './answer-safely.js';
import type { AppHome } from './app-home.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { ProfileLookup } from './slack-profiles.js';
import { firstWord } from './register-slack-listeners.js';
import { fromProfile } from './to-invocation.js';

export interface MessageDeps {
  bot: Bot;
  home: AppHome;
  profiles: ProfileLookup;
  /** Posts the answers: a client that never repeats a post by itself. */
  poster: webApi.WebClient;
  logger: Logger;
}

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;
type MessageEvent = MessageArgs['event'];

/** A message a learner typed themselves in their DM with the app: no subtype (edits, joins, files…), no bot. */
interface LearnerDmMessage {
  channel: string;
  user: string;
  text: string;
  thread_ts?: string;
}

/**
 * The app's Messages tab (message.im): a learner types `next`, `done`, `progress`, `help`… without the slash
 * and it runs as after `/webrtc`, with the same parser, answered in that DM (in the thread, if they wrote in
 * one). "webrtc next" picks a path by name when there are several. Anything that is not a command gets a short
 * help line. Edits, other subtypes and every bot's messages (the bot's own answers above all) are ignored,
 * so the bot never answers itself. https://docs.slack.dev/reference/events/message.im
 */
export function registerSlackMessages(app: App, deps: MessageDeps): void {
  app.event('message', async ({ event, body }) => {
    const message = learnerDmMessage(event);
    const first = deps.bot.paths[0];
    if (!message || !first) return;
    const user: UserRef = { platform: 'slack', workspace: body.team_id, id: message.user };
    const context: FailureContext = {
      kind: 'direct message',
      command: firstWord(message.text),
      workspace: user.workspace,
      user: user.id,
      channel: message.channel,
    };
    const line = {
      path: first.name,
      text: message.text,
      user,
      channel: { id: message.channel, isDirect: true },
      inChat: true,
    };
    await answerSafely(
      deps.logger,
      { message: 'Slack direct message failed', context },
      () => deps.bot.handleText(line, fromProfile(deps.profiles)),
      async (reply) => {
        const { text: fallback, blocks } = renderSlackReply(reply);
        await deps.poster.chat.postMessage({
          channel: message.channel,
          text: fallback,
          blocks,
          unfurl_links: false,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        });
      },
    );
    await deps.home.refresh(user);
  });
}

function learnerDmMessage(event: MessageEvent): LearnerDmMessage | undefined {
  if (event.channel_type !== 'im' || event.subtype !== undefined) return undefined;
  if (event.bot_id || event.bot_profile || !event.user || typeof event.text !== 'string') return undefined;
  return {
    channel: event.channel,
    user: event.user,
    text: event.text,
    ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
  };
}
