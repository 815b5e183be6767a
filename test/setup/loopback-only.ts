import { afterEach } from 'vitest';
import { refuseNonLoopback, takeRefusedConnections } from './refuse-non-loopback.js';

// Every test file runs with this (vitest.config.ts `setupFiles`): nothing may leave the machine.
refuseNonLoopback();

afterEach(() => {
  const refused = takeRefusedConnections();
  if (refused.length > 0) {
    throw new Error(
      `this test tried to reach beyond loopback:\n${refused.map((attempt) => `- ${attempt.target}\n${attempt.stack}`).join('\n')}`,
    );
  }
});
