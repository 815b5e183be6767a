import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { handleShutdownSignals } from '../../src/ops/handle-shutdown-signals.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';

/** The process as far as signals and exit go: a test emits the signals and reads the exit codes. */
function fakeProcess(timeoutMs = 5_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const log = recordingLogger();
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => (exited = resolve));
  return {
    deps: { signals, logger: log, timeoutMs, exit: (code: number) => (exits.push(code), exited(code)) },
    signals,
    exits,
    log,
    exit,
  };
}

describe('shutdown on SIGTERM and SIGINT', () => {
  it('runs the shutdown once, logs "shutting down", and exits 0', async () => {
    const proc = fakeProcess();
    const calls: string[] = [];
    handleShutdownSignals(proc.deps, async (signal) => void calls.push(signal));
    proc.signals.emit('SIGTERM');
    expect(await proc.exit).toBe(0);
    expect(calls).toEqual(['SIGTERM']);
    expect(proc.log.lines.map((line) => [line.message, line.context.signal])).toEqual([
      ['shutting down', 'SIGTERM'],
      ['shut down cleanly', undefined],
    ]);
  });

  it("a second signal while stopping exits at once, with the signal's code", async () => {
    const proc = fakeProcess();
    let runs = 0;
    handleShutdownSignals(proc.deps, () => ((runs += 1), new Promise<void>(() => {})));
    proc.signals.emit('SIGINT');
    proc.signals.emit('SIGINT');
    expect(await proc.exit).toBe(130);
    expect(runs).toBe(1);
    expect(proc.log.lines.map((line) => line.message)).toEqual([
      'shutting down',
      'second signal while shutting down: exiting now',
    ]);
  });

  it('exits 1 when the shutdown fails or overruns its time', async () => {
    const failing = fakeProcess();
    handleShutdownSignals(failing.deps, async () => {
      throw new Error('store would not close');
    });
    failing.signals.emit('SIGTERM');
    expect(await failing.exit).toBe(1);
    expect(failing.log.lines.at(-1)).toMatchObject({ level: 'error', message: 'shutdown failed' });

    const stuck = fakeProcess(50);
    handleShutdownSignals(stuck.deps, () => new Promise<void>(() => {}));
    stuck.signals.emit('SIGTERM');
    expect(await stuck.exit).toBe(1);
    expect(stuck.log.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'shutdown took too long: exiting with work unfinished',
    });
  });
});

describe('a stop requested by a parent process', () => {
  it('starts the same shutdown once; repeated requests and the first signal after it do not force an exit', async () => {
    const proc = fakeProcess();
    let finish: () => void = () => {};
    const reasons: string[] = [];
    const requests = handleShutdownSignals(
      proc.deps,
      (reason) => (reasons.push(reason), new Promise<void>((resolve) => (finish = resolve))),
    );
    requests.request('asked by the sharding manager');
    requests.request('asked by the sharding manager');
    // Ctrl+C in the terminal reaches every process of the group, the child included.
    proc.signals.emit('SIGINT');
    expect(proc.exits).toEqual([]);
    finish();
    expect(await proc.exit).toBe(0);
    expect(reasons).toEqual(['asked by the sharding manager']);
    expect(proc.log.lines[0]).toMatchObject({
      message: 'shutting down',
      context: { reason: 'asked by the sharding manager' },
    });
  });

  it('a second signal still exits at once', async () => {
    const proc = fakeProcess();
    const requests = handleShutdownSignals(proc.deps, () => new Promise<void>(() => {}));
    requests.request('asked by the sharding manager');
    proc.signals.emit('SIGTERM');
    proc.signals.emit('SIGTERM');
    expect(await proc.exit).toBe(143);
  });
});
