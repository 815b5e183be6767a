import { addressReply } from './actions/address-reply.js';
import { createPressHandler } from './actions/handle-press.js';
import { decodePress } from './actions/decode-press.js';
import { readCommandLine, readCommandQuietly, type InvocationEnricher } from './commands/read-command-line.js';
import { createDigestJob, type DigestOutcome } from './digest/digest-job.js';
import type { PathCommandSpec } from './commands/command.js';
import { createCommandRunner, failingWith } from './commands/command-runner.js';
import type { CommandContext } from './commands/command-context.js';
import { commands } from './commands/index.js';
import type { LearningPath } from './curriculum/learning-path.js';
import type { BotSettings, CoreDeps } from './learners/core-deps.js';
import { forgetLearner } from './learners/forget-learner.js';
import { createSessionOpener } from './learners/learner-session.js';
import { createSettingsForms, type SettingsForms } from './forms/settings-forms.js';
import { encodeLearnerId, encodeWorkspaceId } from './model/learner-id.js';
import type {
  ActionPress,
  AutocompleteQuery,
  ButtonPress,
  ChannelRef,
  Choice,
  CommandLine,
  Invocation,
  Platform,
  UserRef,
} from './model/invocation.js';
import { ownerToken } from './model/button-owner.js';
import type { LearnerRecord } from './model/learner.js';
import { quoteUserText } from './model/quote-user-text.js';
import type { AddressedReply } from './model/reply.js';
import { UserError } from './model/user-error.js';
import type { Clock } from './ports/clock.js';
import type { CommunityStats } from './ports/community-stats.js';
import { createCommunityStats } from './stats/create-community-stats.js';
import type { DirectMessenger } from './ports/direct-messenger.js';
import type { Logger } from './ports/logger.js';
import type { Store } from './ports/store.js';
import { comingDailyReminder } from './reminders/daily-reminder-rule.js';
import { encodeSlotId } from './model/slot-id.js';
import {
  createReminderJob,
  DEFAULT_REMINDER_OPTIONS,
  type ReminderJobOptions,
  type TickReport,
} from './reminders/reminder-job.js';
import { autocomplete, optionKind, PERSONAL_KINDS } from './views/autocomplete.js';
import { boardStandings, type BoardStanding } from './views/board-standings.js';
import { overviewReply } from './views/overview-reply.js';
export { errorReply } from './commands/answer-reply.js';
export { STORE_UNAVAILABLE_REPLY } from './views/store-failure-reply.js';

/** What the bot needs; adapters register their messengers later. */
export interface BotDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  paths: readonly LearningPath[];
  settings: BotSettings;
  reminders?: Partial<ReminderJobOptions>;
}

export type { FormRequest } from './forms/settings-forms.js';

/** The platform-neutral bot: adapters turn platform input into these calls and render the replies. */
export interface Bot extends SettingsForms {
  readonly paths: readonly PathCommandSpec[];
  /** Every reply leaves the core addressed: its buttons carry their whole action (address-reply.ts). */
  handle(invocation: Invocation): Promise<AddressedReply>;
  /** Free text (Slack, the console), parsed here; `enrich` adds what the platform knows once the command is known. */
  handleText(line: CommandLine, enrich?: InvocationEnricher): Promise<AddressedReply>;
  /**
   * `handle`, with the reply turned into what the platform shows (`render`) while the store saves what the
   * command changed. Resolves once it is saved, with that rendering; if it was not (the store timed out, or
   * another instance saved the learner first and the command ran again), with the rendering of what is true.
   */
  handleRendered<T>(invocation: Invocation, render: (reply: AddressedReply) => T): Promise<T>;
  /** `handleText`, rendered as `handleRendered` renders. */
  handleTextRendered<T>(line: CommandLine, render: (reply: AddressedReply) => T): Promise<T>;
  /** A press as the platform reports it: the button's id is decoded here. */
  press(press: ButtonPress): Promise<AddressedReply>;
  handleAction(press: ActionPress): Promise<AddressedReply>;
  autocomplete(query: AutocompleteQuery): Promise<Choice[]>;
  /** Progress, next resource and reminder in one card (Slack App Home). */
  overview(user: UserRef, path: string): Promise<AddressedReply>;
  /** The learner's place on each channel leaderboard of the path they joined (Slack App Home). */
  standings(user: UserRef, path: string): Promise<BoardStanding[]>;
  /** Deletes every learner of a workspace (the app was uninstalled); returns how many. */
  forgetWorkspace(platform: Platform, workspace: string): Promise<number>;
  registerMessenger(messenger: DirectMessenger): void;
  /** Scheduled work: `tick` every minute, `catchUp` once at start-up. */
  readonly reminders: { tick(): Promise<TickReport>; catchUp(): Promise<TickReport> };
  /** The weekly channel digest: `tick` every minute. */
  readonly digests: { tick(): Promise<Record<DigestOutcome, number>> };
  /** Shutdown: reminder and digest sends under way finish, no new one starts (for good); the rest stay due. */
  stopDeliveries(): void;
  /** The admin dashboard's figures per community and path, from the aggregates the store keeps (for the web layer). */
  readonly communityStats: CommunityStats;
}

export function createBot(deps: BotDeps): Bot {
  const core: CoreDeps = { ...deps, messengers: new Map() };
  const openSession = createSessionOpener(core);
  const jobOptions = { ...DEFAULT_REMINDER_OPTIONS, ...deps.reminders };
  const reminders = createReminderJob({ ...core, paths: deps.paths }, jobOptions);
  const digests = createDigestJob({ ...core, paths: deps.paths }, jobOptions);
  const specs = deps.paths.map((path) => ({
    name: path.command,
    title: path.title,
    description: describe(path),
    commands,
  }));

  const pathNamed = (name: string): LearningPath => {
    const path = deps.paths.find((candidate) => candidate.command === name.toLowerCase());
    if (!path) throw new UserError('unknown-path', `There's no learning path called "${quoteUserText(name, 32)}".`);
    return path;
  };
  const contextFor = async (
    path: LearningPath,
    user: UserRef,
    channel: ChannelRef,
    reading?: Promise<LearnerRecord | undefined>,
  ): Promise<CommandContext> => ({
    ...core,
    path,
    commands,
    learner: await openSession(path, user, channel, reading),
  });

  const { run, addressed, handleRendered } = createCommandRunner({ ...deps, specs, pathNamed, contextFor });
  const handle = (invocation: Invocation): Promise<AddressedReply> => addressed(invocation, () => run(invocation));
  const handleAction = createPressHandler({ ...deps, pathNamed, contextFor });

  return {
    paths: specs,
    handle,
    handleText: (line, enrich) =>
      addressed(line, async () => {
        const read = readCommandLine(specs, line);
        if ('reply' in read) return read.reply;
        return run(enrich ? await enrich(read.invocation, read.command) : read.invocation);
      }),
    press: (press) => {
      const decoded = decodePress(press, specs);
      if (decoded) return handleAction(decoded);
      return Promise.resolve<AddressedReply>({
        visibility: 'private',
        tone: 'warning',
        text: 'This button has expired. Run the command again for a fresh one.',
      });
    },
    handleRendered,
    handleTextRendered: async (line, render) => {
      let read: ReturnType<typeof readCommandLine>;
      try {
        read = readCommandLine(specs, line);
      } catch (error) {
        // A line that is no command ("nxt") is answered as handleText answers it.
        return render(await addressed(line, failingWith(error)));
      }
      if ('reply' in read) return render(await addressed(line, () => Promise.resolve(read.reply)));
      return handleRendered(read.invocation, render);
    },
    handleAction,
    autocomplete: async (query) => {
      const path = deps.paths.find((candidate) => candidate.command === query.path);
      const kind = optionKind(commands, query);
      // Dates, plans and snoozes are suggested in the learner's zone, from their path state.
      const record =
        path && kind && PERSONAL_KINDS.has(kind)
          ? await deps.store.learners.get(encodeLearnerId(query.user))
          : undefined;
      return autocomplete(path, query, kind, {
        now: deps.clock.now(),
        zone: record?.zone ?? deps.settings.defaultTimeZone,
        state: path && record?.paths[path.command],
      });
    },
    ...createSettingsForms({
      context: async (path, user, channel) => contextFor(pathNamed(path), user, channel),
      read: (line) => readCommandQuietly(specs, line),
      answer: (to, work) => addressed(to, work),
    }),
    overview: async (user, pathName) => {
      const path = pathNamed(pathName);
      const key = encodeLearnerId(user);
      const record = await deps.store.learners.get(key);
      const reply = overviewReply(
        path,
        record,
        await comingDailyReminder(deps.store.records, record, path, encodeSlotId({ learner: key, path: path.command })),
        deps.clock.now(),
        deps.settings.defaultTimeZone,
      );
      return addressReply(reply, { path: path.command, owner: ownerToken(user, { isDirect: true }) });
    },
    standings: async (user, pathName) => {
      const key = encodeLearnerId(user);
      return boardStandings(deps.store, await deps.store.learners.get(key), key, pathNamed(pathName));
    },
    async forgetWorkspace(platform, workspace) {
      const keys = await deps.store.learners.inWorkspace(encodeWorkspaceId(platform, workspace));
      for (const key of keys) await forgetLearner(deps.store, key);
      deps.logger.info('workspace data deleted', { platform, workspace, learners: keys.length });
      return keys.length;
    },
    registerMessenger: (messenger) => void core.messengers.set(messenger.platform, messenger),
    reminders,
    digests,
    stopDeliveries: () => {
      reminders.stop();
      digests.stop();
    },
    communityStats: createCommunityStats({
      store: deps.store,
      paths: deps.paths,
      communityZone: deps.settings.defaultTimeZone,
    }),
  };
}

function describe(path: LearningPath): string {
  return `Learn ${path.title} step by step: ${path.resources.length} resources, ${path.totalMinutes} min`.slice(0, 100);
}
