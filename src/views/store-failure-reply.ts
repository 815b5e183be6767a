import type { Reply } from '../model/reply.js';

/** What a learner hears while the shared store is down: their request did not happen, and nothing earlier is lost. */
export const STORE_UNAVAILABLE_REPLY: Reply = {
  visibility: 'private',
  tone: 'warning',
  text: "I can't reach my storage right now, so that didn't go through. Please try again in a moment — everything you've done before is safe.",
};

/**
 * What a learner hears when a write got no answer in time: it may still land, so nothing is promised either way.
 * Repeating a command is not always harmless (a bare `done` marks the next resource, `undo` undoes another one),
 * so the learner looks first.
 */
export function unconfirmedReply(path: string): Reply {
  return {
    visibility: 'private',
    tone: 'warning',
    text: `I couldn't confirm that was saved — check \`/${path} progress\` in a moment, and do it again only if it isn't there.`,
  };
}
