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
import { loadCurricula } from './curriculum/load-curricula.js';
import { copySqliteStore, type CopyReport } from './infra/copy-sqlite-store.js';
import { createJsonLogger } from './infra/json-logger.js';
import { openEngine, openStore, redactUrl, sqliteFile } from './infra/open-store.js';
import { openSqliteEngine } from './infra/sqlite/sqlite-engine.js';
import { learnerRowsRule } from './learners/learner-rows.js';
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
  const clock = systemClock;
  const { namespace } = config.store;
  // Locked before Redis is touched: a bot still running on the file refuses the migration, and a bot
  // started during it is refused in turn.
  const source = await openSqliteEngine({ file, namespace, logger, clock });
  const opened: { close(): Promise<void> }[] = [source];
  try {
    const paths = await loadCurricula(config.curriculum.dir, (warning) =>
      logger.warn(warning.message, { file: warning.file, line: warning.line }),
    );
    // The target derives each copied learner's rows by the bot's own rule.
    const learnerRows = learnerRowsRule(paths, config.community.defaultTimeZone);
    const store = await openStore(to, logger, { ...config.store, learnerRows, clock });
    opened.push(store);
    const { engine } = await openEngine(to, logger, { ...config.store, clock });
    opened.push(engine);
    const report = await copySqliteStore(source, { store, engine }, { learnerRows, clock });
    console.log(`Copied ${file} into ${redactUrl(to)} (namespace "${namespace}"):`);
    for (const line of reportLines(report)) console.log(`  ${line}`);
  } finally {
    for (const each of opened.reverse()) await each.close();
  }
}

function reportLines(report: CopyReport): string[] {
  const lines = [
    `learners copied: ${report.learners} (already there, kept as they are: ${report.learnersKept})`,
    `leaderboard rows: ${report.boardRows}, reminder slots: ${report.reminderSlots}, weekly digests: ${report.digestSlots}`,
    `other records: ${report.records} (expired, skipped: ${report.expired})`,
  ];
  if (report.setAside > 0) lines.push(`records set aside, copied beside their learners: ${report.setAside}`);
  if (report.invalid.length > 0)
    lines.push(`invalid, copied set aside (each learner is told): ${report.invalid.join(', ')}`);
  if (report.notCopied.length > 0) lines.push(`NOT copied, invalid: ${report.notCopied.join(', ')}`);
  return lines;
}

const startUp: { logger?: Logger } = {};
main(startUp).catch((error: unknown) => failStartUp('Migration failed', error, startUp.logger));
