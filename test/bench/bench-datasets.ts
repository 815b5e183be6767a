import type { LearningPath } from '../../src/curriculum/learning-path.js';
import type { Store } from '../../src/ports/store.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { createBackend, type BackendKind, type BenchBackend } from './bench-backend.js';
import { seedLearners } from './bench-learners.js';

/** A store holding `learners` benchmark learners, opened once and shared by the parts that need that size. */
export interface Dataset {
  backend: BenchBackend;
  store: Store;
  clock: FakeClock;
  learners: number;
  seedSeconds: number;
}

export interface DatasetDeps {
  path: LearningPath;
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
    const { path, now, progress } = this.deps;
    const backend = await createBackend(kind, this.deps.redisUrl);
    const clock = createFakeClock(now);
    const store = await backend.open(clock);
    const started = performance.now();
    progress(`seeding ${learners.toLocaleString('en-US')} learners on ${kind}…`);
    await seedLearners(store, path, learners, now, (done) =>
      progress(`  ${done.toLocaleString('en-US')} of ${learners.toLocaleString('en-US')}`),
    );
    const seedSeconds = (performance.now() - started) / 1000;
    progress(`  seeded in ${seedSeconds.toFixed(1)} s`);
    return { backend, store, clock, learners, seedSeconds };
  }
}
