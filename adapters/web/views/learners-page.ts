import { html } from 'hono/html';
import type { LearnerPage, LearnerSort } from '../../../src/ports/community-stats.js';
import { localDate } from '../../../src/reminders/zoned-time.js';
import { dashboardFrame, pageUrl, type FrameContext } from './dashboard-frame.js';
import type { Html } from './page-layout.js';

/** How the table is sorted now, from the query string (already checked). */
export interface LearnerOrder {
  sort: LearnerSort;
  order: 'asc' | 'desc';
}

const COLUMNS: ReadonlyArray<{ label: string; sort?: LearnerSort; numeric?: boolean }> = [
  { label: 'Name', sort: 'name' },
  { label: 'Position', sort: 'progress' },
  { label: 'Done', numeric: true },
  { label: 'Skipped', numeric: true },
  { label: 'Minutes', numeric: true },
  { label: 'Streak', numeric: true },
  { label: 'Last active', sort: 'last-active' },
  { label: 'Reminder' },
];

/** The learners of a path as a table: sortable by name, progress or last activity, a page at a time. No platform ids. */
export function learnersPage(frame: FrameContext, page: LearnerPage, order: LearnerOrder, zone: string): Html {
  const link = (query: LearnerOrder & { page: number }) =>
    pageUrl(frame.community, frame.path.command, 'learners', {
      sort: query.sort,
      order: query.order,
      page: String(query.page),
    });
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const header = (column: (typeof COLUMNS)[number]) => {
    const cls = column.numeric ? html` class="n"` : '';
    if (!column.sort) return html`<th${cls}>${column.label}</th>`;
    const active = column.sort === order.sort;
    const next = active && order.order === 'asc' ? 'desc' : 'asc';
    const sortState = active ? (order.order === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th aria-sort="${sortState}">
      <a href="${link({ sort: column.sort, order: next, page: 1 })}"
        >${column.label}${active ? (order.order === 'asc' ? ' ▲' : ' ▼') : ''}</a
      >
    </th>`;
  };
  return dashboardFrame(
    frame,
    'Learners',
    html`<p class="note">${page.total} learners on this path. Dates are in ${zone}.</p>
      <div class="table">
        <table id="learners">
          <thead>
            <tr>
              ${COLUMNS.map(header)}
            </tr>
          </thead>
          <tbody>
            ${page.rows.map(
              (row) =>
                html`<tr>
                  <td>${row.displayName}</td>
                  <td>${row.position}</td>
                  <td class="n">${row.done}</td>
                  <td class="n">${row.skipped}</td>
                  <td class="n">${row.minutes}</td>
                  <td class="n">${row.streakDays}</td>
                  <td>${row.lastActiveAt === null ? '–' : localDate(zone, row.lastActiveAt)}</td>
                  <td>${row.reminderOn ? 'on' : 'off'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="Pages of learners">
        ${page.page > 1 ? html`<a rel="prev" href="${link({ ...order, page: page.page - 1 })}">← Previous</a>` : ''}
        <span>Page ${page.page} of ${pages}</span>
        ${page.page < pages ? html`<a rel="next" href="${link({ ...order, page: page.page + 1 })}">Next →</a>` : ''}
      </nav>`,
  );
}
