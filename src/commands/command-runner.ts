import { addressReply, type ReplyAddress } from '../actions/address-reply.js';
import type { LearningPath } from '../curriculum/learning-path.js';
import { ownerToken } from '../model/button-owner.js';
import type { ChannelRef, Invocation, UserRef } from '../model/invocation.js';
import type { LearnerRecord } from '../model/learner.js';
import { encodeLearnerId } from '../model/learner-id.js';
import { nextTurn } from '../model/next-turn.js';
import type { AddressedReply, Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import type { Logger } from '../ports/logger.js';
import { ChangeRefused, type Store } from '../ports/store.js';
import { answer, withNotices } from './answer-reply.js';
import type { Command, PathCommandSpec } from './command.js';
import type { CommandContext } from './command-context.js';
import { commands } from './index.js';
import { findCommand } from './parse-command-line.js';
import { validateArgs } from './validate-args.js';

export interface RunnerDeps {
  store: Store;
  logger: Logger;
  specs: readonly PathCommandSpec[];
  pathNamed(name: string): LearningPath;
  contextFor(
    path: LearningPath,
    user: UserRef,
    channel: ChannelRef,
    reading?: Promise<LearnerRecord | undefined>,
  ): Promise<CommandContext>;
}

/** Whom a reply is for and where it comes from: what every answer is addressed with. */
export type ReplyTo = Pick<Invocation, 'path' | 'user' | 'channel'>;

export interface CommandRunner {
  /** A typed command's reply, once everything it changed is saved. */
  run: (invocation: Invocation) => Promise<Reply>;
  /** The reply (or what an error means to the learner), addressed: its buttons carry their whole action. */
  addressed: (to: ReplyTo, work: () => Promise<Reply>) => Promise<AddressedReply>;
  /** Bot.handleRendered: the reply rendered while the store saves what the command changed. */
  handleRendered: <T>(invocation: Invocation, render: (reply: AddressedReply) => T) => Promise<T>;
}

/** A command run: its reply, and (when its first change answered early) when that change is saved. */
interface Ran {
  reply: Reply;
  saved: Promise<void>;
  /** The command anew on what is stored (after ChangeRefused, when nothing of it was saved). */
  again: () => Promise<Reply>;
}

/** Runs typed commands: routing, argument checks, the learner's session, and the reply's address. */
export function createCommandRunner(deps: RunnerDeps): CommandRunner {
  const addressed = async (to: ReplyTo, work: () => Promise<Reply>): Promise<AddressedReply> =>
    addressReply(await answer(deps.logger, to.path, work), addressOf(to));

  /**
   * With `early`, the command's first change hands back its result as soon as the commit is sent, so the
   * reply is worked out while the store saves it: `saved` says when (or why not).
   */
  const runCommand = async (invocation: Invocation, early: boolean): Promise<Ran> => {
    // The learner's record is asked for first and given a turn to go out (a Redis client writes on the next
    // turn), so the store answers while the command is worked out. A command refused below never waits for it.
    const reading = deps.store.learners.get(encodeLearnerId(invocation.user));
    reading.catch(() => undefined);
    await nextTurn();
    const path = deps.pathNamed(invocation.path);
    const spec = findCommand(
      deps.specs.find((candidate) => candidate.name === path.command)!,
      invocation.command || 'help',
    );
    const command = commands.find((candidate) => candidate.name === spec.name) as Command;
    const args = validateArgs(command, invocation.args, path.command);
    if (command.adminOnly && !invocation.isAdmin) {
      throw new UserError(
        'admin-only',
        `\`/${path.command} ${command.name}\` is for admins of this server or workspace only.`,
      );
    }
    const context = await deps.contextFor(path, invocation.user, invocation.channel, reading);
    const ran = { ...invocation, args };
    const again = async () => {
      await context.learner.reread();
      return withNotices(context, await command.run(context, ran));
    };
    if (early) context.learner.answerEarly();
    let reply: Reply;
    try {
      reply = await command.run(context, ran);
    } catch (error) {
      // A change that was not saved says so, rather than what its command did next; one another instance
      // beat (a later change of the command failed with it) means the command runs again.
      const saved = await context.learner.saved().then(
        () => true,
        (failure: unknown) => {
          if (failure instanceof ChangeRefused) return false;
          throw failure;
        },
      );
      if (saved) throw error;
      return { reply: await again(), saved: Promise.resolve(), again };
    }
    return { reply: withNotices(context, reply), saved: context.learner.saved(), again };
  };

  const handleRendered = async <T>(invocation: Invocation, render: (reply: AddressedReply) => T): Promise<T> => {
    let ran: Ran;
    try {
      ran = await runCommand(invocation, true);
    } catch (error) {
      return render(await addressed(invocation, failingWith(error)));
    }
    const rendered = render(addressReply(ran.reply, addressOf(invocation)));
    try {
      await ran.saved;
      return rendered;
    } catch (error) {
      // Another instance saved this learner meanwhile and nothing of this command was: it runs again.
      if (error instanceof ChangeRefused) return render(await addressed(invocation, ran.again));
      return render(await addressed(invocation, failingWith(error)));
    }
  };

  return {
    run: async (invocation) => (await runCommand(invocation, false)).reply,
    addressed,
    handleRendered,
  };
}

function addressOf(to: ReplyTo): ReplyAddress {
  return { path: to.path.toLowerCase(), owner: ownerToken(to.user, to.channel) };
}

/** Work that fails as `error` did, for `answer` to say what it means. */
export function failingWith(error: unknown): () => Promise<Reply> {
  return () => {
    throw error;
  };
}
