import { getRequestListener } from '@hono/node-server';
import { DASHBOARD_PATH } from '../../src/dashboard/dashboard-settings.js';
import type { HttpRoute } from '../../src/ops/http-route.js';
import { createDashboardApp, type DashboardDeps } from './create-dashboard-app.js';

/** The dashboard as a route of the bot's HTTP server: /dashboard and everything under it, GET and POST. */
export function dashboardRoute(deps: DashboardDeps): HttpRoute {
  const app = createDashboardApp(deps);
  // The adapter answers every request itself (a failure becomes a 500), so nothing is left to await.
  const handle = getRequestListener(app.fetch);
  return {
    path: DASHBOARD_PATH,
    subpaths: true,
    methods: ['GET', 'HEAD', 'POST'],
    listener: (request, response) => void handle(request, response),
  };
}
