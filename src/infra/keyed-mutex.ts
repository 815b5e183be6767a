/** Runs tasks for the same key one after another (per-key serialisation inside one process). */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const tail = new Promise<void>((resolve) => (release = resolve));
    // Held before the task starts, so a task asking for its own key waits like any other.
    this.tails.set(key, tail);
    // A free key's task starts at once: a store call it makes goes out in this turn, not after a queue hop.
    const result = previous ? previous.then(task, task) : startNow(task);
    void result.then(release, release);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

async function startNow<T>(task: () => Promise<T>): Promise<T> {
  return task();
}
