import { createClient } from '@keyv/redis';
import type { Logger } from '../../ports/logger.js';
import type { RedisClient } from './redis-script.js';

const CONNECT_TIMEOUT_MS = 10_000;
const NO_ANSWER = `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;

export interface ConnectOptions {
  url: string;
  /** Shown instead of the URL (which may hold a password). */
  label: string;
  logger: Logger;
  /** The client's own timeout: it ends only a command not yet sent (FIELD-NOTES); openStore's guard bounds the rest. */
  timeoutMs: number;
}

/**
 * A connected client. Until the first connection is up, a failure ends start-up at once: nobody waits on
 * retries against a Redis that is not there, and the person starting the bot reads why. After that, outages
 * are retried in the background, and every call made meanwhile fails at once (no offline queue).
 */
export async function connectRedis(options: ConnectOptions): Promise<RedisClient> {
  let started = false;
  const client: RedisClient = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout: options.timeoutMs },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => started && Math.min(50 * 2 ** retries, 2_000) + Math.random() * 100,
    },
  });
  watchConnection(client, options, () => started);
  await connect(client, options.label);
  started = true;
  return client;
}

async function connect(client: RedisClient, label: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(NO_ANSWER)), CONNECT_TIMEOUT_MS))),
    ]);
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new Error(`cannot reach Redis at ${label} (${connectFailure(error)})`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Why the first connection failed, in a few plain words. */
function connectFailure(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT' || (error instanceof Error && error.name === 'ConnectionTimeoutError')) return NO_ANSWER;
  return (error instanceof Error && error.message ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
}

/** Logs an outage once when it starts and once when it ends, not on every reconnect attempt. */
function watchConnection(client: RedisClient, { logger, label }: ConnectOptions, started: () => boolean): void {
  let down = false;
  client.on('error', (error: unknown) => {
    // Before start-up completes, the failure is connect()'s to report, as a start-up error.
    if (down || !started()) return;
    down = true;
    logger.error('redis connection lost; reconnecting', {
      server: label,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis connection restored', { server: label });
  });
}

/** Redis's own replies mean the command ran and was refused (a bug); everything else means "not reachable now". */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (!['ErrorReply', 'SimpleError', 'BlobError'].includes(error.constructor.name))
    return /redis|socket|connect|offline|closed|timeout/i.test(`${error.constructor.name} ${error.message}`);
  return /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN)\b/.test(error.message);
}
