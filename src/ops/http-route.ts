import type { IncomingMessage, ServerResponse } from 'node:http';

/** A part of the bot's HTTP server beside the platforms' own (/healthz, the dashboard), in whichever server listens. */
export interface HttpRoute {
  path: string;
  /** Also every path under it (`/dashboard/...`). */
  subpaths?: boolean;
  /** GET and HEAD unless said. */
  methods?: readonly string[];
  listener: (request: IncomingMessage, response: ServerResponse) => void;
}

/** The route a request is for, when one takes it. */
export function routeFor(routes: readonly HttpRoute[], pathname: string): HttpRoute | undefined {
  return routes.find(
    (route) => pathname === route.path || (route.subpaths === true && pathname.startsWith(`${route.path}/`)),
  );
}
