import { html } from 'hono/html';
import { biggestDropOff } from '../../../src/dashboard/biggest-drop-off.js';
import type { FunnelStep } from '../../../src/ports/community-stats.js';
import { dashboardFrame, type FrameContext } from './dashboard-frame.js';
import { funnelChart } from './funnel-chart.js';
import type { Html } from './page-layout.js';

/** Every resource in path order: reached, done, skipped, median days from the previous; the biggest drop-off marked. */
export function funnelPage(frame: FrameContext, steps: readonly FunnelStep[]): Html {
  const drop = biggestDropOff(steps);
  const stopped = drop && steps[drop.index - 1]!;
  return dashboardFrame(
    frame,
    'Funnel',
    html`${
        drop && stopped
          ? html`<p class="alert" id="biggest-drop">
              Biggest drop-off: <strong>${drop.lost}</strong> of the ${stopped.reached} learners who reached
              “${stopped.title}” did not get to “${steps[drop.index]!.title}”.
            </p>`
          : html`<p class="note" id="biggest-drop">
              No drop-off yet: everyone who reached a resource reached the next.
            </p>`
      }
      ${funnelChart(steps, drop)}
      <div class="table">
        <table id="funnel">
          <thead>
            <tr>
              <th class="n">#</th>
              <th>Resource</th>
              <th class="n">Reached</th>
              <th class="n">Done</th>
              <th class="n">Skipped</th>
              <th class="n">Median days from previous</th>
            </tr>
          </thead>
          <tbody>
            ${steps.map(
              (step, index) =>
                html`<tr${drop?.index === index ? html` class="drop"` : ''} data-resource="${step.resourceId}">
                  <td class="n">${index + 1}</td>
                  <td>${step.title}<br /><small class="note">${step.phaseTitle}</small></td>
                  <td class="n">${step.reached}</td>
                  <td class="n">${step.done}</td>
                  <td class="n">${step.skipped}</td>
                  <td class="n">${step.medianDaysFromPrevious ?? '–'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="note">
        “Reached” counts learners who marked the resource or have it as their next one. The highlighted row is the one
        the most learners did not get to from the resource before it.
      </p>`,
  );
}
