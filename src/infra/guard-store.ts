import type { Logger } from '../ports/logger.js';
import { StoreTimeoutError, StoreUnavailableError, type Store } from '../ports/store.js';
import { withinDeadline, type LateOutcome } from './within-deadline.js';

const AREAS = ['learners', 'boards', 'aggregates', 'digests', 'claims', 'records'] as const;
/** The areas' methods that only read; every other one writes, so when it times out its outcome is unknown. */
const READS = new Set(['get', 'setAside', 'inWorkspace', 'top', 'due', 'counts', 'roster']);

/** A learner who types a command hears back within a few seconds, whatever the store does. */
export const DEFAULT_STORE_TIMEOUT_MS = 3_000;

export interface GuardOptions {
  /** A backend's "can't reach it now" failures, which become StoreUnavailableError (none by default). */
  isUnavailable?: (error: unknown) => boolean;
  /** Every call of every area answers within this, or fails with StoreTimeoutError. */
  timeoutMs: number;
  /** Told once per call that timed out, and again when its late answer comes (operation names, never values). */
  logger: Logger;
}

/**
 * Gives every call of every store area a deadline, and turns a backend's "can't reach it now" failures into
 * StoreUnavailableError, so the core can say "try again" (or, for a write, that it could not confirm it).
 */
export function guardStore(store: Store, options: GuardOptions): Store {
  const guarded = { ...store };
  for (const area of AREAS) Object.assign(guarded, { [area]: guardArea(area, store[area], options) });
  return guarded;
}

function guardArea<T extends object>(area: string, target: T, options: GuardOptions): T {
  const { isUnavailable = () => false, timeoutMs, logger } = options;
  const translate = (operation: string) => (error: unknown) => {
    throw isUnavailable(error) ? new StoreUnavailableError(operation, { cause: error }) : error;
  };
  // Each method's guarded form is made once, the first time it is asked for, not on every call.
  const guarded = new Map<PropertyKey, { method: unknown; call: (...args: unknown[]) => Promise<unknown> }>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      const known = guarded.get(property);
      if (known?.method === value) return known.call;
      const method = value as (...parameters: unknown[]) => Promise<unknown>;
      const operation = `${area}.${String(property)}`;
      const write = !READS.has(String(property));
      const translated = translate(operation);
      const expired = () => {
        logger.warn('store call timed out', { operation, timeoutMs, outcomeUnknown: write });
        return new StoreTimeoutError(operation, { timeoutMs, write });
      };
      const answeredLate = (outcome: LateOutcome) =>
        logger.info('store call answered after its deadline', { operation, ...lateFields(outcome) });
      const call = (...args: unknown[]) => {
        const work = (async () => method.apply(object, args))();
        return withinDeadline(work.catch(translated), timeoutMs, expired, answeredLate);
      };
      guarded.set(property, { method: value, call });
      return call;
    },
  });
}

/** How the late call ended, without its value or its error's text (either may quote stored data). */
function lateFields(outcome: LateOutcome): Record<string, unknown> {
  if (outcome.ok) return { outcome: 'succeeded' };
  const error = outcome.error instanceof Error ? outcome.error.name : typeof outcome.error;
  return { outcome: 'failed', error };
}
