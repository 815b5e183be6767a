/**
 * Settles on the event loop's next turn, after the I/O callbacks and `setImmediate`s already queued: a
 * request a client has queued to write on its next turn (node-redis does) has gone out by then.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
