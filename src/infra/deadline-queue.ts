import type { LateOutcome } from './within-deadline.js';

interface Pending {
  /** performance.now() at which the call misses its deadline. */
  at: number;
  /** Answered (or failed) in time: nothing left to do for it. */
  settled: boolean;
  expire: () => void;
}

/**
 * withinDeadline for many calls that share one time limit, on one timer instead of one each. Every call's
 * deadline is its start plus the same `timeoutMs`, so deadlines come in the order the calls were made: the
 * calls wait in a queue, the timer is set for the oldest still waiting, and calls answered in time are only
 * dropped when they reach the front. A store call costs no timer of its own (setTimeout and clearTimeout were
 * 3% of a write command's time in a profile, docs/PERFORMANCE.md), and expires exactly when it would have.
 * The timer is unref'd: a call still under way keeps the process alive by its own socket or statement.
 */
export class DeadlineQueue {
  private readonly pending: Pending[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** Settles as `work` does, unless the time limit passes first (see withinDeadline). */
  within<T>(work: Promise<T>, expired: () => Error, late: (outcome: LateOutcome) => void): Promise<T> {
    let missed = false;
    let expire!: (error: Error) => void;
    const deadline = new Promise<never>((_, reject) => (expire = reject));
    const call: Pending = {
      at: performance.now() + this.timeoutMs,
      settled: false,
      expire: () => {
        missed = true;
        expire(expired());
      },
    };
    work.then(
      () => (missed ? late({ ok: true }) : (call.settled = true)),
      (error: unknown) => (missed ? late({ ok: false, error }) : (call.settled = true)),
    );
    this.pending.push(call);
    if (this.timer === undefined) this.arm();
    return Promise.race([work, deadline]);
  }

  /** Expires the calls whose deadline has come, drops those answered, and sets the timer for the next one waiting. */
  private readonly fire = () => {
    this.timer = undefined;
    const now = performance.now();
    while (this.head < this.pending.length) {
      const call = this.pending[this.head]!;
      if (!call.settled && call.at > now) break;
      this.head += 1;
      if (!call.settled) call.expire();
    }
    if (this.head > 1_024 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    if (this.head < this.pending.length) this.arm();
  };

  private arm(): void {
    // Calls answered in time at the front need no timer of their own.
    while (this.head < this.pending.length && this.pending[this.head]!.settled) this.head += 1;
    if (this.head >= this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
      return;
    }
    const delay = Math.max(0, this.pending[this.head]!.at - performance.now());
    this.timer = setTimeout(this.fire, delay);
    this.timer.unref();
  }
}
