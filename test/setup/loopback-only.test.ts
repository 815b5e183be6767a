import { once } from 'node:events';
import dns from 'node:dns';
import { createServer, connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { exitWithin, startNodeProcess } from '../ops/node-process.js';
import { isLoopback, takeRefusedConnections } from './refuse-non-loopback.js';

/** The error a socket reports instead of connecting. */
async function connectError(socket: {
  once(event: 'error', listener: (error: Error) => void): unknown;
}): Promise<Error> {
  const [error] = (await once(socket as never, 'error')) as [Error];
  return error;
}

describe('the test setup keeps every test on this machine', () => {
  afterEach(() => {
    takeRefusedConnections(); // these tests provoke refusals on purpose; loopback-only.ts fails any other test that does
  });

  it('refuses a TCP connection to a documentation address (192.0.2.1) at once, saying why', async () => {
    const error = await connectError(connect({ host: '192.0.2.1', port: 80 }));
    expect(error.message).toMatch(/refused a connection to 192\.0\.2\.1:80: tests may only reach loopback/);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOTLOOPBACK');
    expect(takeRefusedConnections().map((attempt) => attempt.target)).toEqual(['192.0.2.1:80']);
  });

  it('refuses TLS and fetch to a public name without resolving it', async () => {
    expect((await connectError(tlsConnect({ host: 'example.com', port: 443 }))).message).toMatch(
      /refused a connection to example\.com:443/,
    );
    const failure = await fetch('https://example.com/').then(
      () => undefined,
      (error: Error) => error,
    );
    expect(String((failure?.cause as Error | undefined)?.message)).toMatch(/refused a connection to example\.com:443/);
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(
      /refused a connection to DNS lookup of example\.com/,
    );
    expect(takeRefusedConnections().map((attempt) => attempt.target)).toEqual([
      'example.com:443',
      'example.com:443',
      'DNS lookup of example.com',
    ]);
  });

  it('a process a test starts is refused too', async () => {
    const started = startNodeProcess('test/setup/connect-beyond-loopback.ts', {});
    expect(await exitWithin(started, 30_000)).toMatchObject({ code: 3 });
    expect(started.output()).toMatch(/refused a connection to 192\.0\.2\.1:80: tests may only reach loopback/);
  });

  it('counts 127.0.0.0/8, ::1 and localhost as loopback, and nothing else', () => {
    expect(
      ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST'].filter(
        (host) => !isLoopback(host),
      ),
    ).toEqual([]);
    expect(
      [
        '10.0.0.1',
        '192.0.2.1',
        '0.0.0.0',
        '::',
        '::ffff:10.0.0.1',
        '128.0.0.1',
        'example.com',
        'localhost.example.com',
      ].filter(isLoopback),
    ).toEqual([]);
  });

  it('lets loopback through: 127.0.0.1 and localhost', async () => {
    const server = createServer((socket) => socket.end('hi'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    try {
      for (const host of ['127.0.0.1', 'localhost']) {
        const socket = connect({ host, port, family: 4 });
        const [data] = (await once(socket, 'data')) as [Buffer];
        expect(data.toString()).toBe('hi');
        socket.destroy();
      }
      expect(takeRefusedConnections()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
