/**
 * A child process for the process-guard test: a small HTTP server whose routes make errors nothing catches.
 * GUARD=off leaves the guard out, to show what Node does then.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { guardProcess } from '../../src/ops/guard-process.js';

const logger = createJsonLogger({ level: 'info' });
if (process.env.GUARD !== 'off') guardProcess(process, logger);

const server = createServer((request, response) => {
  if (request.url === '/throw-later') {
    setTimeout(() => {
      throw new Error('thrown in a timer');
    }, 0);
  } else if (request.url === '/reject-unawaited') {
    void Promise.reject(new Error('rejected, never awaited'));
  }
  response.end(request.url === '/ping' ? 'pong' : 'ok');
});
server.listen(0, '127.0.0.1', () => {
  logger.info('guarded child listening', { port: (server.address() as AddressInfo).port });
});
