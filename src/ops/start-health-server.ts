import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEALTH_PATH } from './health-endpoint.js';

export interface HealthServer {
  /** The port listened on (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP server for /healthz alone, for when nothing else listens on the port
 * (Discord only, or Slack in Socket Mode). Every other path is 404.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  endpoint: (request: IncomingMessage, response: ServerResponse) => void;
}): Promise<HealthServer> {
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://health').pathname === HEALTH_PATH)
      return options.endpoint(request, response);
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
