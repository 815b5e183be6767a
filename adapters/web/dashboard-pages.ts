import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { readCommunityZone } from '../../src/community/community-zone.js';
import { csrfTokenFor, isCsrfTokenValid } from '../../src/dashboard/csrf-token.js';
import { saveSettings } from '../../src/dashboard/save-settings.js';
import { readSettingsForm, type SettingsFormInput } from '../../src/dashboard/settings-form.js';
import { startOfIsoWeek } from '../../src/learners/iso-week.js';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { decodeWorkspaceId } from '../../src/model/learner-id.js';
import { localDate } from '../../src/reminders/zoned-time.js';
import type { DashboardDeps, DashboardEnv } from './create-dashboard-app.js';
import type { FrameContext, PageId } from './views/dashboard-frame.js';
import { funnelPage } from './views/funnel-page.js';
import { learnersPage } from './views/learners-page.js';
import { overviewPage } from './views/overview-page.js';
import { crossSiteRefusedPage, notFoundPage } from './views/sign-in-pages.js';
import { readDigestView, settingsView } from './settings-view.js';
import { settingsPage } from './views/settings-page.js';

/** A page of one learning path of the signed-in community, once the URL is known to be theirs. */
interface PageRequest {
  frame: FrameContext;
  path: LearningPath;
  zone: string;
}

const LEARNERS_PAGE_SIZE = 25;
const learnerQuery = z.object({
  sort: z.enum(['progress', 'name', 'last-active']).catch('progress'),
  order: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
const COMMUNITY_LABELS = { discord: 'Discord server', slack: 'Slack workspace', console: 'Local console' } as const;

/** The four pages of each path, for the community the session belongs to; another community's URL is a 404. */
export function registerDashboardPages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const open = async (context: Context<DashboardEnv>, page: PageId): Promise<PageRequest | undefined> => {
    const session = context.get('session');
    const path = deps.paths.find((candidate) => candidate.command === context.req.param('path'));
    if (context.req.param('community') !== session.community || !path) return undefined;
    const zone = await readCommunityZone(deps.store.records, session.community, deps.defaultTimeZone);
    const platform = decodeWorkspaceId(session.community)?.platform ?? 'console';
    const frame: FrameContext = {
      community: session.community,
      communityLabel: COMMUNITY_LABELS[platform],
      paths: deps.paths,
      path,
      page,
      csrf: csrfTokenFor(deps.settings.secret, context.get('sessionId')),
    };
    return { frame, path, zone };
  };
  const base = '/c/:community/:path';

  app.get(`${base}/overview`, async (context) => {
    const request = await open(context, 'overview');
    if (!request) return context.html(notFoundPage(), 404);
    const now = deps.clock.now();
    const overview = await deps.stats.overview(request.frame.community, request.path.command, now);
    // The weekly counts are filed in DEFAULT_TIME_ZONE's weeks (learnerRowsRule), so "this week" is that zone's.
    const weekZone = deps.defaultTimeZone;
    const week = { label: `week of ${localDate(weekZone, startOfIsoWeek(weekZone, now))}`, zone: weekZone };
    return context.html(overviewPage(request.frame, overview, week));
  });

  app.get(`${base}/funnel`, async (context) => {
    const request = await open(context, 'funnel');
    if (!request) return context.html(notFoundPage(), 404);
    return context.html(
      funnelPage(request.frame, await deps.stats.funnel(request.frame.community, request.path.command)),
    );
  });

  app.get(`${base}/learners`, async (context) => {
    const request = await open(context, 'learners');
    if (!request) return context.html(notFoundPage(), 404);
    const query = learnerQuery.parse(context.req.query());
    const page = await deps.stats.learners(request.frame.community, request.path.command, {
      ...query,
      pageSize: LEARNERS_PAGE_SIZE,
      now: deps.clock.now(),
    });
    return context.html(learnersPage(request.frame, page, query, request.zone));
  });

  app.get(`${base}/settings`, async (context) => {
    const request = await open(context, 'settings');
    if (!request) return context.html(notFoundPage(), 404);
    const channel = context.req.query('channel') ?? context.get('session').channel ?? '';
    const view = await readDigestView(deps, request, channel);
    return context.html(
      settingsPage(
        request.frame,
        settingsView(request, view, { saved: context.req.query('saved') === '1', weekZone: deps.defaultTimeZone }),
      ),
    );
  });

  app.post(`${base}/settings`, async (context) => {
    const request = await open(context, 'settings');
    if (!request) return context.html(notFoundPage(), 404);
    const form = await context.req.parseBody();
    if (!isCsrfTokenValid(deps.settings.secret, context.get('sessionId'), form._csrf))
      return context.html(crossSiteRefusedPage(), 403);
    const text = (name: string) => (typeof form[name] === 'string' ? form[name].slice(0, 200) : '');
    const input: SettingsFormInput = {
      channel: text('channel'),
      day: text('day'),
      time: text('time'),
      zone: text('zone'),
    };
    const shownChannel = text('shownChannel');
    const platform = decodeWorkspaceId(request.frame.community)!.platform;
    const result = readSettingsForm(platform, request.path.command, input);
    if (!result.ok) {
      const view = await readDigestView(deps, request, shownChannel);
      return context.html(
        settingsPage(request.frame, {
          ...settingsView(request, view, { saved: false, weekZone: deps.defaultTimeZone }),
          input,
          errors: result.errors,
        }),
        400,
      );
    }
    await saveSettings(
      deps,
      { community: request.frame.community, path: request.path.command, previousChannel: shownChannel || undefined },
      result.choice,
    );
    const url = `${context.req.path}?${new URLSearchParams({ channel: result.choice.channel, saved: '1' }).toString()}`;
    return context.redirect(url, 303);
  });
}
