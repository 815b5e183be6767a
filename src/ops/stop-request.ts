/**
 * The IPC message a parent process (the Discord sharding manager) sends a child to ask it to stop.
 * Unlike a signal it is idempotent: a Ctrl+C that reached the child too does not make it a "second signal".
 */
export const STOP_REQUEST = { type: 'pathbot:stop' } as const;

export function isStopRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STOP_REQUEST.type;
}
