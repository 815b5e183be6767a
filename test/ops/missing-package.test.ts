import { describe, expect, it } from 'vitest';
import { startUpFailureMessage } from '../../src/ops/fail-start-up.js';
import { explainMissingPackage } from '../../src/ops/missing-package.js';

describe('a package missing from node_modules at start-up', () => {
  it('is told in one line: which package, and to run npm install', async () => {
    const name = 'a-package-nobody-installed';
    const error: unknown = await import(name).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(startUpFailureMessage(explainMissingPackage(error))).toBe(
      'the package "a-package-nobody-installed" is not installed. Run npm install (again after each pull), then npm start.',
    );
  });

  it('leaves any other error as it was', () => {
    const error = new Error('boom');
    expect(explainMissingPackage(error)).toBe(error);
  });
});
