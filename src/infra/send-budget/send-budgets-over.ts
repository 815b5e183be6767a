import { randomUUID } from 'node:crypto';
import type { SendBudget, SendBudgets } from '../../ports/send-budget.js';
import { inTurn, realSleep, type Sleep } from './in-turn.js';
import { permitFigures } from './permit-rule.js';
import type { PermitSource } from './permit-source.js';

/**
 * Up to this much is added to each wait on shared permits, so instances told the same moment take turns at
 * random rather than in the order their answers happen to arrive: none starves while another drains a big minute.
 */
export const SHARED_JITTER_MS = 2;

export interface TakeOptions {
  sleep?: Sleep;
  random?: () => number;
}

/**
 * Send budgets over a permit source: in this process each scope's senders queue in the order they asked and
 * only the first of them asks the source, again when it was told to wait (so an instance has one question per
 * scope outstanding, and asks for one permit at a time). The send itself runs outside the queue.
 */
export function sendBudgetsOver(source: PermitSource, options: TakeOptions = {}): SendBudgets {
  const { sleep = realSleep, random = Math.random } = options;
  const jitterMs = source.shared ? () => random() * SHARED_JITTER_MS : () => 0;
  const instance = randomUUID();
  let permits = 0;
  const queues = new Map<string, ReturnType<typeof inTurn>>();
  const queueOf = (name: string) => {
    let queue = queues.get(name);
    if (!queue) queues.set(name, (queue = inTurn({ sleep, jitterMs })));
    return queue;
  };
  return {
    shared: source.shared,
    scope(name, rate): SendBudget {
      permitFigures(rate);
      return {
        async withPermit(send) {
          const id = `${instance}:${(permits += 1)}`;
          await queueOf(name)(() => source.tryPermit(name, rate, id));
          try {
            return await send();
          } finally {
            // Counted from the grant alone if this fails: the send is done either way.
            await source.settle(name, rate, id).catch(() => undefined);
          }
        },
        pause: (ms) => source.pause(name, ms),
      };
    },
  };
}
