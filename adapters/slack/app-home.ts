import type { types, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { BoardStanding } from '../../src/views/board-standings.js';
import { fitBlocks, renderSlackReply, type KnownBlock } from './render-slack-reply.js';
import { MAX_HOME_BLOCKS } from './slack-limits.js';

/** The App Home tab: published when a learner opens it, then kept current after each change they make. */
export interface AppHome {
  opened(user: UserRef): Promise<void>;
  /** Republishes only for learners who have opened the tab, so changes cost nothing for everyone else. */
  refresh(user: UserRef): Promise<void>;
}

export interface AppHomeDeps {
  bot: Pick<Bot, 'paths' | 'overview' | 'standings'>;
  client: webApi.WebClient;
  store: Store;
  logger: Logger;
}

/** Remember a visitor for long enough that a learner coming back weekly still gets live updates. */
const VISITOR_TTL_MS = 90 * 24 * 60 * 60_000;

export function createAppHome(deps: AppHomeDeps): AppHome {
  const visitorKey = (user: UserRef) => `slack:home-visitor:${user.workspace}:${user.id}`;
  const publish = async (user: UserRef) => {
    await deps.client.views.publish({ user_id: user.id, view: await homeView(deps.bot, user) });
  };
  return {
    async opened(user) {
      await deps.store.records.set(visitorKey(user), true, VISITOR_TTL_MS);
      await publish(user);
    },
    // The learner already has their answer: a Home tab that cannot be refreshed now is only logged.
    async refresh(user) {
      try {
        if (await deps.store.records.get<boolean>(visitorKey(user))) await publish(user);
      } catch (error) {
        deps.logger.warn('could not refresh the Slack App Home', {
          workspace: user.workspace,
          user: user.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}

/**
 * One section per learning path, separated by dividers, within the Home tab's block limit: the overview (progress
 * per phase, the next resource with Done and Skip, reminder and plan with "Change reminder", which opens the
 * settings form) and the learner's place on each channel leaderboard they joined.
 */
export async function homeView(
  bot: Pick<Bot, 'paths' | 'overview' | 'standings'>,
  user: UserRef,
): Promise<types.HomeView> {
  const sections: KnownBlock[][] = [];
  for (const path of bot.paths) {
    const reply = await bot.overview(user, path.name);
    const standings = await bot.standings(user, path.name);
    sections.push([...renderSlackReply(reply).blocks, ...standingBlocks(standings)]);
  }
  const blocks = sections.flatMap((section, index) =>
    index === 0 ? section : [{ type: 'divider' } satisfies KnownBlock, ...section],
  );
  return { type: 'home', blocks: fitBlocks(blocks, [], MAX_HOME_BLOCKS) };
}

/** "🏆 #2 of 14 in #learning": Slack shows each reader the channel's name for `<#C…>`. */
function standingBlocks(standings: readonly BoardStanding[]): KnownBlock[] {
  if (standings.length === 0) return [];
  const lines = standings.map((standing) => `#${standing.rank} of ${standing.total} in <#${standing.channel}>`);
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:trophy: Leaderboard: ${lines.join(' · ')}` }] }];
}
