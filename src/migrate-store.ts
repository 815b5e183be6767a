/**
 * `npm run store:migrate -- --from sqlite://./data/webrtc.sqlite --to redis://127.0.0.1:6379`: copies a
 * single-process bot's SQLite file into Redis before running several instances. Stop the bot first.
 * Safe to run again: what is already in Redis is kept. STORE_NAMESPACE (from .env) applies to both sides.
 * An entry point like main.ts: the composition root of the migration.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { copySqliteStore } from './infra/copy-sqlite-store.js';
import { createJsonLogger } from './infra/json-logger.js';
import { openStore, redactUrl, sqliteFile } from './infra/open-store.js';
import { systemClock } from './ports/clock.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  const from = values.from ?? 'sqlite://./data/webrtc.sqlite';
  const to = values.to ?? config.STORE_URL;
  if (!from.startsWith('sqlite://')) throw new ConfigError(`--from must be an SQLite store like sqlite://./data/webrtc.sqlite, not "${redactUrl(from)}".`);
  if (!/^rediss?:\/\//.test(to)) throw new ConfigError(`--to must be a Redis store like redis://127.0.0.1:6379 (or set STORE_URL), not "${redactUrl(to)}".`);
  const file = sqliteFile(from);
  if (!existsSync(file)) throw new ConfigError(`There is no SQLite file at ${file}.`);
  const logger = createJsonLogger({ level: config.LOG_LEVEL ?? 'warn', secrets: [] });
  const target = await openStore(to, logger, { namespace: config.STORE_NAMESPACE });
  try {
    const report = await copySqliteStore(file, config.STORE_NAMESPACE, target, systemClock.now());
    console.log(`Copied ${file} into ${redactUrl(to)} (namespace "${config.STORE_NAMESPACE}"):`);
    console.log(`  learners copied: ${report.learners} (already there, kept as they are: ${report.learnersKept})`);
    console.log(`  leaderboard rows: ${report.boardRows}, reminder slots: ${report.reminderSlots}, weekly digests: ${report.digestSlots}`);
    console.log(`  other records: ${report.records} (expired, skipped: ${report.expired})`);
    if (report.invalid.length > 0) console.log(`  NOT copied, invalid: ${report.invalid.join(', ')}`);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
