import { afterEach, describe, expect, it } from 'vitest';
import { exitWithin, startNodeProcess, type NodeProcess } from './node-process.js';

describe('the process guard, in a real child process', () => {
  const children: NodeProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  async function start(env: Record<string, string>): Promise<{ child: NodeProcess; base: string }> {
    const child = startNodeProcess('test/ops/guarded-child.ts', env);
    children.push(child);
    const port = Number((await child.waitForLog('guarded child listening')).port);
    return { child, base: `http://127.0.0.1:${port}` };
  }

  it('logs an uncaught error and an unhandled rejection with their stacks, and keeps serving', async () => {
    const { child, base } = await start({});
    expect(await (await fetch(`${base}/throw-later`)).text()).toBe('ok');
    const thrown = await child.waitForLog('uncaught error; the bot keeps serving');
    expect(thrown).toMatchObject({ level: 'error', origin: 'uncaughtException' });
    expect(JSON.stringify(thrown.error)).toContain('thrown in a timer');

    expect(await (await fetch(`${base}/reject-unawaited`)).text()).toBe('ok');
    const rejected = await child.waitForLog('unhandled promise rejection; the bot keeps serving');
    expect(JSON.stringify(rejected.error)).toContain('rejected, never awaited');

    expect(await (await fetch(`${base}/ping`)).text()).toBe('pong');
    expect(child.child.exitCode).toBeNull();
  });

  it.each(['/throw-later', '/reject-unawaited'])(
    'without it, %s ends the process (what the guard prevents)',
    async (route) => {
      const { child, base } = await start({ GUARD: 'off' });
      await fetch(`${base}${route}`);
      expect(await exitWithin(child, 15_000)).toMatchObject({ code: 1 });
    },
  );
});
