import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: on a busy machine a test is slow, not wrong. Waits inside tests (eventually()) give up
    // sooner, so a failure names what it waited for rather than just "timed out".
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/redis-global-setup.ts'],
    setupFiles: ['test/setup/loopback-only.ts'],
    reporters: ['default', './test/setup/skip-reporter.ts'],
  },
});
