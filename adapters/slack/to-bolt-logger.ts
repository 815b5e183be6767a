import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';

/**
 * Bolt and its Web API client log through @slack/logger's interface; route that into the bot's
 * structured logger, which decides the level. The Web API client redacts tokens before logging.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack-bolt' });
  const join = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug(join(parts)),
    info: (...parts: unknown[]) => log.info(join(parts)),
    warn: (...parts: unknown[]) => log.warn(join(parts)),
    error: (...parts: unknown[]) => log.error(join(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
