import { StartUpError } from './start-up-error.js';

/**
 * A checkout whose installed packages are older than its package.json (a pull without `npm install`) fails
 * to load with ERR_MODULE_NOT_FOUND: that becomes what to do, in one line. Any other error is returned as is.
 */
export function explainMissingPackage(error: unknown): unknown {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return error;
  const name = /Cannot find package '([^']+)'/.exec(error.message)?.[1];
  if (!name) return error;
  return new StartUpError(
    `the package "${name}" is not installed. Run npm install (again after each pull), then npm start.`,
  );
}
