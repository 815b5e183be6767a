import type KeyvSqlite from '@keyv/sqlite';

/** One statement on the connection: its rows (none for a write). */
export type Query = <Row = unknown>(sql: string, ...parameters: unknown[]) => Promise<Row[]>;

/** The process's one SQLite connection, every statement in one queue. */
export interface SerialConnection {
  /** One statement, in its turn. */
  query: Query;
  /** Runs `work` with the connection to itself: no other statement runs until it ends. */
  hold<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** `work` inside BEGIN IMMEDIATE … COMMIT, holding the queue; any error rolls it back and is thrown again. */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** Closes the connection (and with it the file's lock) once the statements queued before have run. */
  close(): Promise<void>;
}

/**
 * Puts every statement on the KeyvSqlite connection, Keyv's own included, in one serial queue. Keyv's
 * methods call the instance's public `query`, which is replaced by the queued one; so a transaction that
 * holds the queue can never have another statement land inside it (the sqlite3 driver would run it there:
 * BEGIN and COMMIT belong to the connection, not to a caller).
 */
export function serialConnection(sqlite: KeyvSqlite): SerialConnection {
  const direct: Query = sqlite.query.bind(sqlite);
  let tail: Promise<unknown> = Promise.resolve();
  const hold = <T>(work: (query: Query) => Promise<T>): Promise<T> => {
    const turn = tail.then(() => work(direct));
    tail = turn.catch(() => undefined);
    return turn;
  };
  const query: Query = (sql, ...parameters) => hold((run) => run(sql, ...parameters));
  sqlite.query = query;
  return {
    query,
    hold,
    transaction: (work) =>
      hold(async (run) => {
        await run('BEGIN IMMEDIATE');
        try {
          const result = await work(run);
          await run('COMMIT');
          return result;
        } catch (error) {
          // SQLite may have ended the transaction itself (a full disk): then there is nothing to roll back.
          await run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: () => hold(() => sqlite.disconnect()),
  };
}
