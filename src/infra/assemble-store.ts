import { statsGroup } from '../model/index-set.js';
import type { LearnerId } from '../model/learner-id.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { LearnerRowsRule, Store } from '../ports/store.js';
import { committedDigests } from './committed-digests.js';
import { CommittedLearners } from './committed-learners.js';
import { localPermits } from './send-budget/permit-source.js';
import { sendBudgetsOver } from './send-budget/send-budgets-over.js';
import type { StoreEngine } from './store-engine.js';

export interface AssembleOptions {
  clock: Clock;
  logger: Logger;
  /** The core's rule for the rows a learner record keeps elsewhere (learner-rows.ts). */
  learnerRows: LearnerRowsRule;
}

/**
 * The Store on one backend's engine. Every write of a record goes through `commit`, which works out the
 * rows the old and the new record derive and hands the engine the record and the difference together:
 * no caller writes an index, so an index cannot drift from its record (store:check finds it if it did).
 */
export function assembleStore(engine: StoreEngine, options: AssembleOptions): Store {
  const learners = new CommittedLearners(engine, options);
  return {
    learners,
    boards: { top: (board, limit, member) => engine.top(board, limit, member) },
    aggregates: {
      counts: (community, path) => engine.counts(statsGroup(community, path)),
      roster: async (roster, offset, limit, order) => {
        const { members, total } = await engine.roster(roster, offset, limit, order);
        return { members: members as LearnerId[], total };
      },
    },
    digests: committedDigests(engine, options.logger),
    claims: engine.claims,
    records: engine.records,
    sendBudgets: sendBudgetsOver(engine.permits ?? localPermits()),
    health: () => engine.health(),
    close: () => engine.close(),
  };
}
