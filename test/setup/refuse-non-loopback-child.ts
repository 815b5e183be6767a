// Preloaded (`--import`) into every process a test starts (test/ops/node-process.ts), so the bot under
// test can't reach beyond loopback either; a refusal shows up as a connection error in its output.
import { refuseNonLoopback } from './refuse-non-loopback.js';

refuseNonLoopback();
