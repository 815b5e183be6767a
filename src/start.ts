import { explainMissingPackage } from './ops/missing-package.js';
import { failStartUp } from './ops/fail-start-up.js';

// What `npm start` runs. The bot (main.ts, which starts itself) is loaded here rather than imported, so that a
// package missing from node_modules is told in one line instead of Node's stack.
import('./main.js').catch((error: unknown) => failStartUp('Cannot start', explainMissingPackage(error)));
