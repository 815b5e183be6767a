/**
 * `npm run store:migrate -- --from sqlite://./data/webrtc.sqlite --to redis://127.0.0.1:6379`: copies a
 * single-process bot's SQLite file into Redis before running several instances. Stop the bot first (a
 * running bot holds the file, and the migration is refused).
 * Safe to run again: what is already in Redis is kept. STORE_NAMESPACE (from .env) applies to both sides.
 * An entry point like main.ts: the composition root of the migration.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, withEnvFile } from './config.js';
import { copySqliteStore } from './infra/copy-sqlite-store.js';
import { createJsonLogger } from './infra/json-logger.js';
import { openSqliteFile } from './infra/open-sqlite-file.js';
import { openStore, redactUrl, sqliteFile } from './infra/open-store.js';
import { failStartUp } from './ops/fail-start-up.js';
import { systemClock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';

async function main(startUp: { logger?: Logger }): Promise<void> {
  const config = loadConfig(withEnvFile(process.env));
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  const from = values.from ?? 'sqlite://./data/webrtc.sqlite';
  const to = values.to ?? config.store.url;
  if (!from.startsWith('sqlite://'))
    throw new ConfigError(
      `--from must be an SQLite store like sqlite://./data/webrtc.sqlite, not "${redactUrl(from)}".`,
    );
  if (!/^rediss?:\/\//.test(to))
    throw new ConfigError(
      `--to must be a Redis store like redis://127.0.0.1:6379 (or set STORE_URL), not "${redactUrl(to)}".`,
    );
  const file = sqliteFile(from);
  if (!existsSync(file)) throw new ConfigError(`There is no SQLite file at ${file}.`);
  const logger = createJsonLogger({ level: config.log.level ?? 'warn', secrets: [] });
  startUp.logger = logger;
  // Locked before Redis is touched: a bot still running on the file refuses the migration, and a bot
  // started during it is refused in turn.
  const source = await openSqliteFile(file);
  const target = await openStore(to, logger, config.store);
  try {
    const report = await copySqliteStore(source, config.store.namespace, target, systemClock.now());
    console.log(`Copied ${file} into ${redactUrl(to)} (namespace "${config.store.namespace}"):`);
    console.log(`  learners copied: ${report.learners} (already there, kept as they are: ${report.learnersKept})`);
    console.log(
      `  leaderboard rows: ${report.boardRows}, reminder slots: ${report.reminderSlots}, weekly digests: ${report.digestSlots}`,
    );
    console.log(`  other records: ${report.records} (expired, skipped: ${report.expired})`);
    if (report.invalid.length > 0) console.log(`  NOT copied, invalid: ${report.invalid.join(', ')}`);
  } finally {
    await target.close();
    await source.disconnect();
  }
}

const startUp: { logger?: Logger } = {};
main(startUp).catch((error: unknown) => failStartUp('Migration failed', error, startUp.logger));
