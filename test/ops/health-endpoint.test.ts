import { testLearnerRows } from '../fakes/test-bot.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/infra/open-store.js';
import type { AdapterHealth } from '../../src/ops/adapter-health.js';
import { createHealthCheck, type HealthCheck, type HealthReport } from '../../src/ops/create-health-check.js';
import { createHealthEndpoint, HEALTH_PATH } from '../../src/ops/health-endpoint.js';
import { startHealthServer, type HealthServer } from '../../src/ops/start-health-server.js';
import type { Store } from '../../src/ports/store.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';

const SECRET = 'xoxb-do-not-show-1234567890';
const TIMEOUT_MS = 300;

describe('GET /healthz', () => {
  let store: Store;
  let server: HealthServer | undefined;
  const log = recordingLogger();
  afterEach(async () => {
    await server?.close();
    await store?.close();
    server = undefined;
    log.lines.length = 0;
  });

  /** The real endpoint on 127.0.0.1 over the real memory store, optionally with its health() replaced. */
  async function serve(
    health?: Store['health'],
    adapters: Record<string, () => AdapterHealth> = {},
  ): Promise<{ check: HealthCheck; url: string }> {
    store = await openStore('memory://', log, { learnerRows: await testLearnerRows() });
    const probed: Pick<Store, 'health'> = health ? { health } : store;
    const check = createHealthCheck({ store: probed, storeBackend: 'redis', timeoutMs: TIMEOUT_MS, secrets: [SECRET] });
    for (const [name, adapter] of Object.entries(adapters)) check.watch(name, adapter);
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      routes: [{ path: HEALTH_PATH, listener: createHealthEndpoint(check, log) }],
    });
    return { check, url: `http://127.0.0.1:${server.port}` };
  }

  const get = async (url: string, init?: RequestInit) => {
    const response = await fetch(url, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it('answers 200 with the store and every adapter when all are ok', async () => {
    const { url } = await serve(undefined, {
      discord: () => ({ ok: true, state: 'ready' }),
      slack: () => ({ ok: true, state: 'socket' }),
    });
    const answer = await get(`${url}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(answer.text)).toEqual({
      status: 'ok',
      store: { ok: true, backend: 'memory' },
      adapters: { discord: { ok: true, state: 'ready' }, slack: { ok: true, state: 'socket' } },
    });
  });

  it('answers 503 when the store is unreachable, without its password or any secret', async () => {
    const { url } = await serve(async () => ({
      ok: false,
      backend: 'redis',
      detail: `connect ECONNREFUSED redis://:hunter2@10.0.0.5:6379 (token ${SECRET})`,
    }));
    const answer = await get(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toEqual({
      status: 'unavailable',
      store: {
        ok: false,
        backend: 'redis',
        detail: 'connect ECONNREFUSED redis://***@10.0.0.5:6379 (token [redacted])',
      },
      adapters: {},
    });
    expect(answer.text).not.toContain('hunter2');
    expect(JSON.stringify(log.lines)).not.toContain('hunter2');
    expect(log.lines.filter((line) => line.message === 'health check not ok')).toHaveLength(1);
  });

  it('answers 503 in bounded time when the store hangs, and when it throws', async () => {
    const { url } = await serve(() => new Promise(() => {}));
    // A store that never answers: any answer at all shows the check was bounded; the detail shows by what.
    const answer = await get(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect((JSON.parse(answer.text) as HealthReport).store).toEqual({
      ok: false,
      backend: 'redis',
      detail: `no answer within ${TIMEOUT_MS} ms`,
    });
    await server!.close();
    await store.close();

    const thrown = await serve(async () => {
      throw new Error('Socket closed unexpectedly');
    });
    const again = await get(`${thrown.url}/healthz`);
    expect(again.status).toBe(503);
    expect((JSON.parse(again.text) as HealthReport).store).toEqual({
      ok: false,
      backend: 'redis',
      detail: 'Socket closed unexpectedly',
    });
  });

  it('answers 503 when an adapter is down, and 200 again when it is back', async () => {
    let discord: AdapterHealth = { ok: false, state: 'reconnecting' };
    const { url } = await serve(undefined, { discord: () => discord });
    const down = await get(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toMatchObject({
      status: 'unavailable',
      store: { ok: true },
      adapters: { discord: { ok: false, state: 'reconnecting' } },
    });
    discord = { ok: true, state: 'ready' };
    expect((await get(`${url}/healthz`)).status).toBe(200);
    // Logged when the status changes, not on every probe.
    expect((await get(`${url}/healthz`)).status).toBe(200);
    expect(log.lines.map((line) => line.message).filter((message) => message.startsWith('health'))).toEqual([
      'health check not ok',
      'health check ok again',
    ]);
  });

  it('answers 503 "stopping" once shutdown has begun, so a load balancer moves on', async () => {
    const { url, check } = await serve();
    check.markStopping();
    const answer = await get(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect((JSON.parse(answer.text) as HealthReport).status).toBe('stopping');
  });

  it('answers nothing else: 404 for other paths, 405 for other methods', async () => {
    const { url } = await serve();
    expect((await get(`${url}/`)).status).toBe(404);
    expect((await get(`${url}/slack/events`)).status).toBe(404);
    expect((await get(`${url}/healthz`, { method: 'POST', body: '{}' })).status).toBe(405);
    const head = await get(`${url}/healthz?probe=1`, { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, text: '' });
  });
});
