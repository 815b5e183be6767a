import { CurriculumError } from '../curriculum/curriculum-error.js';
import type { Logger } from '../ports/logger.js';
import { StartUpError } from './start-up-error.js';

/** What the person starting the bot reads: the worded message, or the first line of any other with a pointer to the details. */
export function startUpFailureMessage(error: unknown): string {
  if (error instanceof StartUpError || error instanceof CurriculumError) return error.message;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return `${message} (run with LOG_LEVEL=debug for details)`;
}

/**
 * How an entry point ends when it cannot start: "<what>: <one or two plain lines>" on stderr, exit code 1.
 * The stack goes to the debug log only, when there is a logger yet.
 */
export function failStartUp(what: string, error: unknown, logger?: Logger): never {
  logger?.debug(`${what.toLowerCase()}`, {
    error,
    ...(error instanceof Error && error.cause !== undefined ? { cause: error.cause } : {}),
  });
  process.stderr.write(`${what}: ${startUpFailureMessage(error)}\n`);
  process.exit(1);
}
