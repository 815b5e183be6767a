import type { RecordStore } from '../../src/ports/store.js';

/**
 * Which proactive posts (reminders, digests) were tried before, by idempotency key, and since when: a post
 * tried before may have reached Slack even though no answer said so, so it is looked for before it goes again.
 * Kept in the store, so a restart or another instance that takes the send over knows it too.
 */
export interface PostAttempts {
  /** When a post with this key was first tried, if it was. */
  firstTried(key: string): Promise<number | undefined>;
  tried(key: string, at: number): Promise<void>;
}

/** Longer than any retry of one post: the core's own attempts, a lease taken over, a restart's catch-up. */
const ATTEMPT_TTL_MS = 2 * 24 * 60 * 60_000;

export function createPostAttempts(records: RecordStore): PostAttempts {
  const recordKey = (key: string) => `slack:post-attempt:${key}`;
  return {
    firstTried: (key) => records.get<number>(recordKey(key)),
    tried: (key, at) => records.set(recordKey(key), at, ATTEMPT_TTL_MS),
  };
}
