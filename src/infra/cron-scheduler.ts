import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../ports/logger.js';
import type { Scheduler } from '../ports/scheduler.js';

/** node-cron, one job per concern, UTC, never overlapping itself; failures are logged, never thrown. */
export function createCronScheduler(logger: Logger): Scheduler {
  const tasks: ScheduledTask[] = [];
  const running = new Set<Promise<void>>();
  return {
    every(name, expression, task) {
      const run = async () => {
        const work = task().catch((error: unknown) => logger.error('scheduled job failed', { job: name, error }));
        running.add(work);
        await work;
        running.delete(work);
      };
      tasks.push(cron.schedule(expression, run, { name, timezone: 'UTC', noOverlap: true }));
    },
    async stop() {
      for (const task of tasks) await task.stop();
      await Promise.all(running);
    },
  };
}
