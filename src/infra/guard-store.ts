import { StoreUnavailableError, type Store } from '../ports/store.js';

const AREAS = ['learners', 'boards', 'reminders', 'digests', 'claims', 'records'] as const;

/** Turns a backend's "can't reach it now" failures into StoreUnavailableError, so the core can say "try again". */
export function guardStore(store: Store, isUnavailable: (error: unknown) => boolean): Store {
  const guarded = { ...store };
  for (const area of AREAS) Object.assign(guarded, { [area]: guardArea(area, store[area], isUnavailable) });
  return guarded;
}

function guardArea<T extends object>(area: string, target: T, isUnavailable: (error: unknown) => boolean): T {
  const translate = (operation: string, error: unknown): unknown =>
    isUnavailable(error) ? new StoreUnavailableError(`${area}.${operation}`, { cause: error }) : error;
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...parameters: unknown[]) => Promise<unknown>).apply(object, args);
        } catch (error) {
          throw translate(String(property), error);
        }
      };
    },
  });
}
