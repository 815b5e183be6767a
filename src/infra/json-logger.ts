import type { Logger } from '../ports/logger.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_FIELD = /token|secret|password|authorization|cookie/i;

export interface JsonLoggerOptions {
  level: LogLevel;
  /** Secret values (tokens) that must never reach a log line, wherever they appear. */
  secrets?: readonly string[];
  write?: (line: string) => void;
}

/** One JSON object per line on stderr (stdout belongs to the console chat). Secrets are redacted. */
export function createJsonLogger(options: JsonLoggerOptions, context: Record<string, unknown> = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const redact = (text: string) => secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (RANK[level] < RANK[options.level]) return;
    const entry = { time: new Date().toISOString(), level, message, ...context, ...fields };
    write(
      redact(
        JSON.stringify(entry, (key, value: unknown) =>
          key && SECRET_FIELD.test(key) ? '[redacted]' : errorAware(value),
        ),
      ),
    );
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (extra) => createJsonLogger(options, { ...context, ...extra }),
  };
}

function errorAware(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
