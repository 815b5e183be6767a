import { html } from 'hono/html';
import { DASHBOARD_PATH } from '../../../src/dashboard/dashboard-settings.js';
import type { WorkspaceId } from '../../../src/model/learner-id.js';
import { pageLayout, type Html } from './page-layout.js';

/** The four pages of a path, in the order the menu shows them. */
export const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'funnel', label: 'Funnel' },
  { id: 'learners', label: 'Learners' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

/** Where a signed-in page is, and what its frame needs: the paths to switch between and the sign-out form's token. */
export interface FrameContext {
  community: WorkspaceId;
  /** "Discord server", "Slack workspace", "Local console". */
  communityLabel: string;
  paths: ReadonlyArray<{ command: string; title: string }>;
  path: { command: string; title: string };
  page: PageId;
  csrf: string;
}

export function pageUrl(community: WorkspaceId, path: string, page: PageId, query?: Record<string, string>): string {
  const base = `${DASHBOARD_PATH}/c/${encodeURIComponent(community)}/${encodeURIComponent(path)}/${page}`;
  return query ? `${base}?${new URLSearchParams(query).toString()}` : base;
}

/** A signed-in page: the menu, the path switcher, sign-out, then the page's own body. */
export function dashboardFrame(frame: FrameContext, title: string, body: Html): Html {
  const current = (active: boolean) => (active ? html` aria-current="page"` : '');
  const header = html`<strong>${frame.path.title}</strong>
    <nav aria-label="Pages">
      <ul>
        ${PAGES.map(
          (page) =>
            html`<li>
              <a href="${pageUrl(frame.community, frame.path.command, page.id)}" ${current(page.id === frame.page)}
                >${page.label}</a
              >
            </li>`,
        )}
      </ul>
    </nav>
    ${
      frame.paths.length > 1
        ? html`<nav aria-label="Learning paths" class="paths">
            Path:
            <ul>
              ${frame.paths.map(
                (path) =>
                  html`<li>
                    <a
                      href="${pageUrl(frame.community, path.command, frame.page)}"
                      ${current(path.command === frame.path.command)}
                      >${path.title}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>`
        : ''
    }
    <form method="post" action="${DASHBOARD_PATH}/sign-out">
      <input type="hidden" name="_csrf" value="${frame.csrf}" />
      <span class="note">${frame.communityLabel}</span>
      <button type="submit" class="link">Sign out</button>
    </form>`;
  return pageLayout(
    `${title} · ${frame.path.title}`,
    header,
    html`<h1>${title}</h1>
      ${body}`,
  );
}
