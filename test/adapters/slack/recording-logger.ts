import type { Logger } from '../../../src/ports/logger.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  context: Record<string, unknown>;
}

/** A Logger that keeps every line, so tests can assert what was logged (and that no secret was). */
export function recordingLogger(
  lines: LogLine[] = [],
  base: Record<string, unknown> = {},
): Logger & { lines: LogLine[] } {
  const at = (level: LogLine['level']) => (message: string, context?: Record<string, unknown>) => {
    lines.push({ level, message, context: { ...base, ...context } });
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (context) => recordingLogger(lines, { ...base, ...context }),
  };
}
