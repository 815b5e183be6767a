import { RESTEvents, type REST } from 'discord.js';

/**
 * Discord allows a bot 50 requests per second across all routes
 * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Interaction answers do not
 * count against it (same page; discord.js sends them outside its global limiter too), so proactive sends
 * (DM opens, reminders, digests) may use nearly all of it. `npm run bench`: 0.95 of the limit at 48;
 * the old 40 reached only 0.8.
 */
export const DEFAULT_SENDS_PER_SECOND = 48;

const WINDOW_MS = 1000;
/**
 * A release is counted a little longer than its second: Discord measures the window where the requests
 * arrive, and a millisecond of clock rounding or network jitter must not put one send too many in it.
 */
const COUNTED_MS = WINDOW_MS + 5;

/** Resolves when the next send may go, in the order asked; `pauseFor` holds every send back (a 429). */
export interface SendPacer {
  (): Promise<void>;
  pauseFor(ms: number): void;
}

/**
 * Spaces sends evenly at `perSecond`, keeping to the schedule when a timer fires late, but never lets more
 * than `perSecond` go within any one second: after the event loop stalls, the sends it held up would
 * otherwise leave together, over Discord's limit, and each 429 makes discord.js hold everything back
 * for a second, after which the queue left all at once again.
 */
export function createSendPacer(perSecond: number = DEFAULT_SENDS_PER_SECOND): SendPacer {
  if (!(perSecond > 0)) throw new Error(`sends per second must be positive, got ${perSecond}`);
  const spacingMs = WINDOW_MS / perSecond;
  /** When the sends of the last second left, oldest first. */
  const released: number[] = [];
  let nextAt = 0;
  let pausedUntil = 0;
  let turns = Promise.resolve();

  const waitForTurn = async () => {
    let due = Math.max(Date.now(), nextAt);
    for (;;) {
      // A pause moves the schedule itself, so the sends it held up do not all leave when it ends.
      due = Math.max(due, pausedUntil);
      const now = Date.now();
      while (released.length > 0 && released[0]! <= now - COUNTED_MS) released.shift();
      const wait = Math.max(due - now, released.length >= perSecond ? released[0]! + COUNTED_MS - now : 0);
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    nextAt = due + spacingMs;
    released.push(Date.now());
  };
  const pace = (() => (turns = turns.then(waitForTurn))) as SendPacer;
  pace.pauseFor = (ms) => {
    pausedUntil = Math.max(pausedUntil, Date.now() + ms);
  };
  return pace;
}

/** Pauses the pacer whenever Discord answers with its global 429, for as long as it says. */
export function pauseOnGlobalRateLimit(rest: REST, pace: SendPacer): void {
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status !== 429 || response.headers.get('x-ratelimit-global') === null) return;
    pace.pauseFor(Number(response.headers.get('retry-after') ?? 1) * 1000);
  });
}
