import type { LearnerId } from '../model/learner-id.js';
import type { Store } from '../ports/store.js';

/**
 * Deletes everything stored about a learner: the record, and with it (in the same commit) every row
 * derived from it and whatever was set aside. Returns false when there was nothing.
 */
export function forgetLearner(store: Store, id: LearnerId): Promise<boolean> {
  return store.learners.update(id, (current) => ({ next: current ? null : undefined, result: current !== undefined }));
}
