import type { Reporter, TestModule } from 'vitest/node';

/** Tests that need something this machine may lack say so in their name, and are skipped without it. */
const NEEDS = [
  {
    name: /\(needs Redis\b/,
    what: 'Redis test',
    // test/setup/redis-global-setup.ts found none; see test/fakes/store-backends.ts.
    why: 'no redis-server on PATH and no REDIS_URL set',
  },
  {
    name: /\(needs Chromium\b/,
    what: 'browser test',
    // test/adapters/web/dashboard-browser.e2e.test.ts; CI never skips them (.ci/run installs Chromium).
    why: 'no /usr/bin/chromium (Debian package chromium)',
  },
];

/** Adds one line to the summary for each kind of test that was skipped, and why. */
export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) => [...module.children.allTests('skipped')]);
    for (const { name, what, why } of NEEDS) {
      const count = skipped.filter((test) => name.test(test.fullName)).length;
      if (count > 0) console.log(`Skipping ${count} ${what}${count === 1 ? '' : 's'}: ${why}.`);
    }
  }
}
