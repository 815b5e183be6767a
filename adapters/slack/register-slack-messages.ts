import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { PathCommandSpec } from '../../src/commands/command.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { Reply } from '../../src/model/reply.js';
import { UserError } from '../../src/model/user-error.js';
import type { Logger } from '../../src/ports/logger.js';
import { answerSafely, type FailureContext } from './answer-safely.js';
import type { AppHome } from './app-home.js';
import { READ_ONLY_COMMANDS } from './register-slack-listeners.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { ProfileLookup } from './slack-profiles.js';
import { toInvocation } from './to-invocation.js';

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
    if (!message || deps.bot.paths.length === 0) return;
    const { spec, text } = pickPath(deps.bot.paths, message.text);
    const user: UserRef = { platform: 'slack', workspace: body.team_id, id: message.user };
    const context: FailureContext = {
      kind: 'direct message',
      path: spec.name,
      workspace: user.workspace,
      user: user.id,
      channel: message.channel,
    };
    let changed = false;
    await answerSafely(
      deps.logger,
      { message: 'Slack direct message failed', context },
      async () => {
        try {
          const invocation = await toInvocation(deps.profiles, spec, text, user, {
            id: message.channel,
            isDirect: true,
          });
          context.command = invocation.command;
          const reply = await deps.bot.handle(invocation);
          changed = !READ_ONLY_COMMANDS.has(invocation.command);
          return reply;
        } catch (error) {
          if (error instanceof UserError && error.code === 'unknown-command') return helpLine(spec);
          throw error;
        }
      },
      async (reply) => {
        const { text: fallback, blocks } = renderSlackReply(reply, user.id, spec.name);
        await deps.poster.chat.postMessage({
          channel: message.channel,
          text: fallback,
          blocks,
          unfurl_links: false,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        });
      },
    );
    if (changed) await deps.home.refresh(user);
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

/** "webrtc next" names a path; anything else is for the first (usually the only) one. */
function pickPath(paths: readonly PathCommandSpec[], typed: string): { spec: PathCommandSpec; text: string } {
  const [first = '', ...rest] = typed.trim().split(/\s+/);
  const named = paths.find((spec) => spec.name === first.replace(/^\//, '').toLowerCase());
  return named ? { spec: named, text: rest.join(' ') } : { spec: paths[0]!, text: typed };
}

function helpLine(spec: PathCommandSpec): Reply {
  return {
    visibility: 'private',
    tone: 'info',
    text: `Here I understand \`/${spec.name}\` commands without the slash: \`next\`, \`done\`, \`progress\` or \`help\` for the rest.`,
  };
}
