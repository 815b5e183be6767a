import type { EngineCommit, StoreEngine } from '../../src/infra/store-engine.js';

/** The calls a store made on its engine: what one command costs in reads, commits and round trips. */
export interface EngineCalls {
  /** Calls so far by method: "read", "commit", "members", "records.get", "claims.claim", … */
  readonly counts: Record<string, number>;
  /** Milliseconds spent in them so far (from the call until its promise settled), all methods together. */
  ms: number;
  /** Given every commit as it is made, while set (the commands bench replays them as its raw baseline). */
  onCommit?: ((commit: EngineCommit) => void) | undefined;
}

/** The calls made since `before` (a copy of `counts` taken then), by method; methods not called are left out. */
export function callsSince(calls: EngineCalls, before: Record<string, number>): Record<string, number> {
  const since: Record<string, number> = {};
  for (const [method, count] of Object.entries(calls.counts)) {
    const made = count - (before[method] ?? 0);
    if (made > 0) since[method] = made;
  }
  return since;
}

/**
 * The engine with every method call counted (records' and claims' too), nothing else changed: on SQLite
 * each `commit` is one transaction and each other call one statement; on Redis each call is one round trip
 * (a commit is one EVALSHA).
 */
export function countEngineCalls(engine: StoreEngine): { engine: StoreEngine; calls: EngineCalls } {
  const calls: EngineCalls = { counts: {}, ms: 0 };
  const count = (method: string) => (calls.counts[method] = (calls.counts[method] ?? 0) + 1);
  const counted = <T extends object>(target: T, prefix: string, parts: Record<string, object> = {}): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        if (typeof property === 'string' && Object.hasOwn(parts, property)) return parts[property];
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        const method = `${prefix}${String(property)}`;
        return (...args: unknown[]) => {
          count(method);
          if (method === 'commit') calls.onCommit?.(args[0] as EngineCommit);
          const started = performance.now();
          const result = (value as (...parameters: unknown[]) => unknown).apply(object, args);
          if (!(result instanceof Promise)) return result;
          const timed = () => void (calls.ms += performance.now() - started);
          result.then(timed, timed);
          return result;
        };
      },
    });
  const parts = { records: counted(engine.records, 'records.'), claims: counted(engine.claims, 'claims.') };
  return { engine: counted(engine, '', parts), calls };
}
