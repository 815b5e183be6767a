import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { isCsrfTokenValid } from '../../src/dashboard/csrf-token.js';
import { createDashboardSessions, type DashboardSession } from '../../src/dashboard/dashboard-sessions.js';
import { DASHBOARD_PATH, type DashboardSettings } from '../../src/dashboard/dashboard-settings.js';
import { verifySignInToken } from '../../src/dashboard/sign-in-token.js';
import type { Clock } from '../../src/ports/clock.js';
import type { CommunityStats } from '../../src/ports/community-stats.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { registerDashboardPages } from './dashboard-pages.js';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session-cookie.js';
import { DASHBOARD_STYLESHEET } from './views/dashboard-stylesheet.js';
import { pageUrl } from './views/dashboard-frame.js';
import {
  continuePage,
  crossSiteRefusedPage,
  failurePage,
  notFoundPage,
  refusedLinkPage,
  signedOutPage,
  signInNeededPage,
} from './views/sign-in-pages.js';

/** What the dashboard reads and writes: the store, the figures, the paths, and its own settings. */
export interface DashboardDeps {
  store: Store;
  stats: CommunityStats;
  paths: readonly LearningPath[];
  clock: Clock;
  logger: Logger;
  settings: DashboardSettings;
  defaultTimeZone: string;
}

/** What a request carries once its session is known. */
export interface DashboardEnv {
  Variables: { session: DashboardSession; sessionId: string };
}

/** The dashboard: sign-in from a chat link, the pages of one community, sign-out. Every path is under /dashboard. */
export function createDashboardApp(deps: DashboardDeps): Hono<DashboardEnv> {
  const sessions = createDashboardSessions({ store: deps.store, clock: deps.clock, secret: deps.settings.secret });
  const secure = new URL(deps.settings.baseUrl).protocol === 'https:';
  const app = new Hono<DashboardEnv>().basePath(DASHBOARD_PATH);

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  // Form posts from another site are refused before anything else looks at them (Origin, then Sec-Fetch-Site).
  app.use(csrf({ origin: new URL(deps.settings.baseUrl).origin }));
  app.use(async (context, next) => {
    await next();
    if (!context.res.headers.has('cache-control')) context.header('cache-control', 'no-store');
  });

  app.get('/style.css', (context) =>
    context.body(DASHBOARD_STYLESHEET, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'max-age=3600',
    }),
  );
  // A GET never uses the link up: chat apps fetch links to build previews.
  app.get('/sign-in', (context) => {
    const token = context.req.query('token') ?? '';
    // Checked, never used up: a dead link says so at once; a good one waits for the press.
    const check = verifySignInToken(deps.settings.secret, token, deps.clock.now());
    return check.ok ? context.html(continuePage(token)) : context.html(refusedLinkPage(check.reason), 403);
  });
  app.post('/sign-in', async (context) => {
    const form = await context.req.parseBody();
    const result = await sessions.redeem(typeof form.token === 'string' ? form.token : '');
    if (!result.ok) return context.html(refusedLinkPage(result.reason), result.reason === 'used' ? 409 : 403);
    setSessionCookie(context, result.sessionId, secure);
    return context.redirect(pageUrl(result.session.community, deps.paths[0]!.command, 'overview'), 303);
  });
  app.post('/sign-out', async (context) => {
    const sessionId = sessionIdOf(context);
    const form = await context.req.parseBody();
    if (sessionId && !isCsrfTokenValid(deps.settings.secret, sessionId, form._csrf))
      return context.html(crossSiteRefusedPage(), 403);
    await sessions.end(sessionId);
    clearSessionCookie(context, secure);
    return context.html(signedOutPage());
  });

  app.use('/c/*', async (context, next) => {
    const sessionId = sessionIdOf(context as Context);
    const session = await sessions.find(sessionId);
    if (!session || !sessionId) return context.html(signInNeededPage(), 401);
    context.set('session', session);
    context.set('sessionId', sessionId);
    await next();
  });
  registerDashboardPages(app, deps);

  app.get('/', async (context) => {
    const session = await sessions.find(sessionIdOf(context));
    if (!session) return context.html(signInNeededPage(), 401);
    return context.redirect(pageUrl(session.community, deps.paths[0]!.command, 'overview'), 303);
  });
  app.notFound((context) => context.html(notFoundPage(), 404));
  app.onError((error, context) => {
    if (error instanceof HTTPException && error.status === 403) return context.html(crossSiteRefusedPage(), 403);
    deps.logger.error('dashboard request failed', { path: context.req.path, error });
    return context.html(failurePage(), 500);
  });
  return app;
}
