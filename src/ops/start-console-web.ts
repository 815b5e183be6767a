import { randomBytes } from 'node:crypto';
import type { DashboardSettings } from '../dashboard/dashboard-settings.js';
import type { Logger } from '../ports/logger.js';
import type { HttpRoute } from './http-route.js';
import { startHealthServer, type HealthServer } from './start-health-server.js';

/** The console's HTTP server: its routes are added once the bot exists, which needs the link base this gives. */
export interface ConsoleWeb {
  routes: HttpRoute[];
  server?: HealthServer;
  dashboard?: DashboardSettings;
}

/**
 * In the console the dashboard is served on 127.0.0.1 (never beyond this machine), so `/webrtc dashboard`
 * prints a link that opens here. Without DASHBOARD_SECRET, a random one per run: links die with the process.
 * A port already taken leaves the chat working, without the dashboard, and says how to fix it.
 */
export async function startConsoleWeb(
  options: { port: number; dashboard?: DashboardSettings },
  logger: Logger,
): Promise<ConsoleWeb> {
  const routes: HttpRoute[] = [];
  try {
    // Routes are read per request, so the ones added later are served.
    const server = await startHealthServer({ port: options.port, host: '127.0.0.1', routes });
    const dashboard = options.dashboard ?? {
      baseUrl: `http://127.0.0.1:${server.port}`,
      secret: randomBytes(32).toString('base64url'),
    };
    return { routes, server, dashboard };
  } catch (error) {
    logger.warn('dashboard not served: cannot listen on 127.0.0.1; set PORT to a free port (0 picks one)', {
      port: options.port,
      error,
    });
    return { routes };
  }
}
