/**
 * `npm run store:check` reports the rows (board rows, reminder and digest slots, workspace lists) that
 * disagree with the records they derive from; `npm run store:check -- --repair` rebuilds them from the
 * records, the one truth. On SQLite the bot must be stopped (the file belongs to one process, and the
 * check is refused while a bot runs on it); on Redis a running bot is fine: a record it changes during
 * the repair is checked again. STORE_URL and STORE_NAMESPACE come from .env, like the bot's.
 * An entry point like main.ts: the composition root of the check.
 */
import { parseArgs } from 'node:util';
import { loadConfig, withEnvFile } from './config.js';
import { loadCurricula } from './curriculum/load-curricula.js';
import { checkStore } from './infra/check-store.js';
import { createJsonLogger } from './infra/json-logger.js';
import { openEngine, redactUrl } from './infra/open-store.js';
import { learnerRowsRule } from './learners/learner-rows.js';
import { failStartUp } from './ops/fail-start-up.js';
import { systemClock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';

async function main(startUp: { logger?: Logger }): Promise<number> {
  const config = loadConfig(withEnvFile(process.env));
  const { values } = parseArgs({ options: { repair: { type: 'boolean', default: false } } });
  const logger = createJsonLogger({ level: config.log.level ?? 'warn', secrets: [] });
  startUp.logger = logger;
  const paths = await loadCurricula(config.curriculum.dir, (warning) =>
    logger.warn(warning.message, { file: warning.file, line: warning.line }),
  );
  const { engine } = await openEngine(config.store.url, logger, config.store);
  try {
    const report = await checkStore(engine, {
      learnerRows: learnerRowsRule(paths, config.community.defaultTimeZone),
      clock: systemClock,
      repair: values.repair,
    });
    const problems = report.missing + report.wrong + report.orphans + report.wrongCounts;
    console.log(`Checked ${redactUrl(config.store.url)} (namespace "${config.store.namespace}"):`);
    console.log(`  records: ${report.learners} learners, ${report.digests} weekly digests`);
    console.log(
      `  rows missing: ${report.missing}, rows with wrong figures: ${report.wrong}, rows no record holds: ${report.orphans}`,
    );
    console.log(`  counted sets whose kept size was wrong: ${report.wrongCounts}`);
    if (report.unreadable.length > 0)
      console.log(
        `  records that fail validation (set aside when their learner comes back): ${report.unreadable.length}`,
      );
    if (problems === 0) console.log('  Every row agrees with its record.');
    else if (report.repaired) console.log(`  Repaired: ${problems} rows and counts rebuilt from the records.`);
    else console.log('  Run `npm run store:check -- --repair` to rebuild them from the records.');
    return problems > 0 && !report.repaired ? 1 : 0;
  } finally {
    await engine.close();
  }
}

const startUp: { logger?: Logger } = {};
main(startUp).then(
  (code) => (process.exitCode = code),
  (error: unknown) => failStartUp('Store check failed', error, startUp.logger),
);
