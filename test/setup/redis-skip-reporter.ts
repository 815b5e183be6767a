import type { Reporter, TestModule } from 'vitest/node';

/** Tests that need Redis say so in their name (see test/fakes/store-backends.ts) and are skipped without one. */
const NEEDS_REDIS = /\(needs Redis\b/;

/** Adds one line to the summary when Redis tests were skipped, and why (test/setup/redis-global-setup.ts found no Redis). */
export default class RedisSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules
      .flatMap((module) => [...module.children.allTests('skipped')])
      .filter((test) => NEEDS_REDIS.test(test.fullName));
    if (skipped.length === 0) return;
    console.log(
      `Skipping ${skipped.length} Redis test${skipped.length === 1 ? '' : 's'}: no redis-server on PATH and no REDIS_URL set.`,
    );
  }
}
