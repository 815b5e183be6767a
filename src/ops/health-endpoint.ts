import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../ports/logger.js';
import type { HealthCheck } from './create-health-check.js';

export const HEALTH_PATH = '/healthz';

/** Answers GET (and HEAD) /healthz: 200 when everything is ok, 503 otherwise, never cached. */
export function createHealthEndpoint(
  health: HealthCheck,
  logger: Logger,
): (request: IncomingMessage, response: ServerResponse) => void {
  // Probes come every few seconds: log when the status changes, not on every probe of an outage.
  let lastStatus = 'ok';
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    health.check().then(
      (report) => {
        if (report.status !== lastStatus) {
          const fields = { status: report.status, was: lastStatus, store: report.store, adapters: report.adapters };
          if (report.status === 'ok') logger.info('health check ok again', fields);
          else logger.warn('health check not ok', fields);
          lastStatus = report.status;
        }
        const body = JSON.stringify(report);
        response.writeHead(report.status === 'ok' ? 200 : 503, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        logger.error('health check crashed', { error });
        response.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ status: 'unavailable' }));
      },
    );
  };
}
