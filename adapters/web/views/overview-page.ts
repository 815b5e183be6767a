import { html } from 'hono/html';
import type { PathOverview } from '../../../src/ports/community-stats.js';
import { dashboardFrame, type FrameContext } from './dashboard-frame.js';
import type { Html } from './page-layout.js';

/** Learners, active this week, finished, reminders on, and each phase's completion. */
export function overviewPage(frame: FrameContext, overview: PathOverview, week: { label: string; zone: string }): Html {
  const share = overview.learners === 0 ? 0 : Math.round((overview.remindersOn / overview.learners) * 100);
  const card = (id: string, figure: string | number, label: string, detail?: string) =>
    html`<div class="card" id="${id}">
      <span class="figure">${figure}</span><span class="label">${label}</span>
      ${detail ? html`<br /><small class="note">${detail}</small>` : ''}
    </div>`;
  return dashboardFrame(
    frame,
    'Overview',
    html`<section class="cards" aria-label="Figures">
        ${card('learners', overview.learners, 'learners')}
        ${card('active', overview.activeThisWeek, 'active this week', `${week.label} (${week.zone})`)}
        ${card('finished', overview.finished, 'finished the path')}
        ${card('reminders', `${share}%`, 'with reminders on', `${overview.remindersOn} of ${overview.learners}`)}
      </section>
      <h2>Completion per phase</h2>
      <div class="table">
        <table id="phases">
          <thead>
            <tr>
              <th>Phase</th>
              <th class="n">Completed</th>
              <th class="n">Share</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${overview.phases.map(
              (phase) =>
                html`<tr>
                  <td>${phase.title}</td>
                  <td class="n">${phase.completed}</td>
                  <td class="n">${percent(phase.completed, overview.learners)}</td>
                  <td>
                    <progress max="${Math.max(overview.learners, 1)}" value="${phase.completed}">
                      ${percent(phase.completed, overview.learners)}
                    </progress>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">
        A learner counts once they have a record on this path; "active" means they marked something done this week.
      </p>`,
  );
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
