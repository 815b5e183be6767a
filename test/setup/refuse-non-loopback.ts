import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

/** A connection (or name lookup) the suite refused because it would have left this machine. */
export interface RefusedConnection {
  readonly target: string;
  readonly stack: string;
}

const INSTALLED = Symbol.for('pathbot.test.refuseNonLoopback');
const refused: RefusedConnection[] = [];

/** 127.0.0.0/8, ::1 (also IPv4-mapped), `localhost`; anything else would leave the machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

/** The refusals since the last call, which it clears (a test that provokes one on purpose takes it). */
export function takeRefusedConnections(): RefusedConnection[] {
  return refused.splice(0);
}

function refusal(target: string): Error {
  const error = new Error(
    `test setup refused a connection to ${target}: tests may only reach loopback addresses (127.0.0.0/8, ::1, localhost) or unix sockets`,
  ) as NodeJS.ErrnoException;
  error.code = 'ENOTLOOPBACK';
  refused.push({ target, stack: error.stack ?? '' });
  return error;
}

/** Where `socket.connect(...)` would go: a host and port, or a unix socket path (`undefined`: allowed). */
function targetOf(args: unknown[]): { host: string; port: unknown } | undefined {
  // net.connect() hands the socket its arguments already normalised, as [options, callback].
  const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    const options = first as { host?: string; port?: unknown; path?: string };
    if (options.path !== undefined) return undefined;
    return { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined; // a unix socket path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

/**
 * Makes every TCP/TLS connection (net, tls, http, fetch, ws, Redis clients all go through
 * `net.Socket#connect`) and every DNS lookup to anything but loopback fail at once, as a connection
 * error the client sees, and records it so the test can be failed too.
 */
export function refuseNonLoopback(): void {
  const state = globalThis as { [INSTALLED]?: boolean };
  if (state[INSTALLED]) return;
  state[INSTALLED] = true;

  // The original method is kept unbound on purpose: the guard calls it with the socket being connected as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if (!target || isLoopback(target.host)) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    const error = refusal(`${target.host}:${String(target.port)}`);
    process.nextTick(() => this.destroy(error));
    return this;
  };

  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname) || net.isIP(hostname) !== 0)
      return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
    const callback = rest.at(-1) as (error: Error) => void;
    const error = refusal(`DNS lookup of ${hostname}`);
    process.nextTick(() => callback(error));
  } as typeof dns.lookup;

  const promisedLookup = dns.promises.lookup;
  dns.promises.lookup = async function guardedPromisedLookup(hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname) || net.isIP(hostname) !== 0)
      return (promisedLookup as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
    throw refusal(`DNS lookup of ${hostname}`);
  } as typeof dns.promises.lookup;

  syncBuiltinESMExports(); // so `import { lookup } from 'node:dns'` sees the guarded one too
}
