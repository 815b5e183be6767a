import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Dataset } from './bench-datasets.js';
import type { MemoryChildInput, MemoryChildOutput } from './memory-child.js';

const run = promisify(execFile);
const CHILD = resolve(import.meta.dirname, 'memory-child.ts');

/**
 * Peak RSS of a bot process serving a stored data set, measured in a fresh child process (under tsx, as
 * `npm start` runs the bot) so the benchmark's own seeding and bookkeeping are not counted. The benchmark
 * closes its own store meanwhile: a SQLite file is held by one process at a time.
 */
export async function measureMemory(dataset: Dataset, now: number): Promise<MemoryChildOutput> {
  const input: MemoryChildInput = {
    url: dataset.backend.url,
    namespace: dataset.backend.namespace,
    learners: dataset.learners,
    now,
    commands: 1_000,
  };
  const { stdout } = await dataset.whileClosed(() =>
    run(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
      maxBuffer: 1024 * 1024,
      timeout: 300_000,
    }),
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as MemoryChildOutput;
}
