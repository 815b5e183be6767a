import type { LearningPath } from '../../src/curriculum/learning-path.js';
import type { StoreEngine } from '../../src/infra/store-engine.js';
import type { LearnerRowsRule, Store } from '../../src/ports/store.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { createBackend, type BackendKind, type BenchBackend } from './bench-backend.js';
import { seedLearners } from './bench-learners.js';
import type { EngineCalls } from './engine-calls.js';

/** A store holding `learners` benchmark learners, opened once and shared by the parts that need that size. */
export interface Dataset {
  backend: BenchBackend;
  /** The open store, its engine and the engine calls it made (all three replaced by `restart`). */
  store: Store;
  engine: StoreEngine;
  calls: EngineCalls;
  clock: FakeClock;
  learnerRows: LearnerRowsRule;
  learners: number;
  seedSeconds: number;
  /** Closes the store and opens it again, as a restarted bot would. */
  restart(): Promise<void>;
  /**
   * Runs `work` with the store closed, then opens it again: another process can only open a SQLite file
   * this one has closed (the engine holds it exclusively).
   */
  whileClosed<T>(work: () => Promise<T>): Promise<T>;
}

export interface DatasetDeps {
  path: LearningPath;
  learnerRows: LearnerRowsRule;
  now: number;
  redisUrl?: string;
  progress: (message: string) => void;
}

/**
 * Data sets by backend and size, seeded on first use: commands, the tick at the same size and the
 * leaderboard of the same channel all read the one set, so a full run seeds 111,000 learners, not more.
 */
export class Datasets {
  private readonly made = new Map<string, Promise<Dataset>>();

  constructor(private readonly deps: DatasetDeps) {}

  get(kind: BackendKind, learners: number): Promise<Dataset> {
    const id = `${kind}:${learners}`;
    let dataset = this.made.get(id);
    if (!dataset) {
      dataset = this.seed(kind, learners);
      this.made.set(id, dataset);
    }
    return dataset;
  }

  async disposeAll(): Promise<void> {
    for (const dataset of this.made.values()) {
      const { store, backend } = await dataset.catch(() => ({ store: undefined, backend: undefined }));
      await store?.close().catch(() => undefined);
      await backend?.dispose().catch(() => undefined);
    }
    this.made.clear();
  }

  private async seed(kind: BackendKind, learners: number): Promise<Dataset> {
    const { path, now, progress, learnerRows } = this.deps;
    const backend = await createBackend(kind, this.deps.redisUrl);
    const clock = createFakeClock(now);
    const dataset: Dataset = {
      backend,
      ...(await backend.open(clock, learnerRows)),
      clock,
      learnerRows,
      learners,
      seedSeconds: 0,
      async restart() {
        await dataset.store.close();
        Object.assign(dataset, await backend.open(clock, learnerRows));
      },
      async whileClosed(work) {
        await dataset.store.close();
        try {
          return await work();
        } finally {
          Object.assign(dataset, await backend.open(clock, learnerRows));
        }
      },
    };
    const started = performance.now();
    progress(`seeding ${learners.toLocaleString('en-US')} learners on ${kind}…`);
    await seedLearners(dataset.store, path, learners, now, (done) =>
      progress(`  ${done.toLocaleString('en-US')} of ${learners.toLocaleString('en-US')}`),
    );
    dataset.seedSeconds = (performance.now() - started) / 1000;
    progress(`  seeded in ${dataset.seedSeconds.toFixed(1)} s`);
    return dataset;
  }
}
