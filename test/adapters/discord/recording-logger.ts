import type { Logger } from '../../../src/ports/logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  context: Record<string, unknown>;
}

/** A Logger that keeps what it is told, so tests can check what was logged (and that no secret was). */
export function createRecordingLogger(
  entries: LogEntry[] = [],
  base: Record<string, unknown> = {},
): Logger & { entries: LogEntry[] } {
  const log =
    (level: LogEntry['level']) =>
    (message: string, context: Record<string, unknown> = {}) => {
      entries.push({ level, message, context: { ...base, ...context } });
    };
  return {
    entries,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (context) => createRecordingLogger(entries, { ...base, ...context }),
  };
}
