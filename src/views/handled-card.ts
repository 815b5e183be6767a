import type { CommandContext } from '../commands/command-context.js';
import type { Reply } from '../model/reply.js';
import { shownClock } from './shown-time.js';

/** What a pressed message becomes: what happened and when ("✅ Done at 09:14"), and no buttons left to press. */
export function handledCard(
  { learner, clock }: Pick<CommandContext, 'learner' | 'clock'>,
  handled: { icon: string; what: string; title?: string },
): Reply {
  const at = shownClock(learner.zone(), clock.now());
  return {
    visibility: 'private',
    tone: 'success',
    ...(handled.title ? { title: handled.title } : {}),
    text: `${handled.icon} ${handled.what} at ${at}`,
  };
}
