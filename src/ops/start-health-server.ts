import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeFor, type HttpRoute } from './http-route.js';

export interface HealthServer {
  /** The port listened on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The bot's own HTTP server for /healthz and the dashboard, for when no platform listens on the port
 * (Discord only, Slack in Socket Mode, the console). Every other path is 404. A route answers its own methods.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  routes: readonly HttpRoute[];
}): Promise<HealthServer> {
  const server = createServer((request, response) => {
    const route = routeFor(options.routes, new URL(request.url ?? '/', 'http://health').pathname);
    if (route) return route.listener(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.host ? { port: options.port, host: options.host } : { port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeIdleConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
