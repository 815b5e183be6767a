import { html } from 'hono/html';
import type { DropOff } from '../../../src/dashboard/biggest-drop-off.js';
import type { FunnelStep } from '../../../src/ports/community-stats.js';
import type { Html } from './page-layout.js';

const WIDTH = 640;
const LABEL_WIDTH = 220;
const ROW_HEIGHT = 22;
const BAR_HEIGHT = 14;
const TITLE_CHARACTERS = 30;

/**
 * The funnel as a horizontal bar chart drawn here, as SVG: per resource a pale bar for "reached" and a solid one
 * for "done" over it; the step after the biggest drop-off is drawn in the warning colour.
 */
export function funnelChart(steps: readonly FunnelStep[], drop: DropOff | undefined): Html {
  const most = Math.max(1, ...steps.map((step) => step.reached));
  const scale = (count: number) => Math.round(((WIDTH - LABEL_WIDTH - 40) * count) / most);
  const height = steps.length * ROW_HEIGHT + 10;
  return html`<svg
    class="chart"
    viewBox="0 0 ${WIDTH} ${height}"
    role="img"
    aria-labelledby="funnel-chart-title"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="funnel-chart-title">Learners who reached and finished each resource, in path order</title>
    ${steps.map((step, index) => {
      const y = 5 + index * ROW_HEIGHT;
      const title = step.title.length > TITLE_CHARACTERS ? `${step.title.slice(0, TITLE_CHARACTERS - 1)}…` : step.title;
      return html`<g>
        <title>${step.title}: ${step.reached} reached, ${step.done} done, ${step.skipped} skipped</title>
        <text x="0" y="${y + BAR_HEIGHT - 2}">${index + 1}. ${title}</text>
        <rect
          class="${drop?.index === index ? 'drop' : 'reached'}"
          x="${LABEL_WIDTH}"
          y="${y}"
          width="${scale(step.reached)}"
          height="${BAR_HEIGHT}"
        ></rect>
        <rect
          class="done"
          x="${LABEL_WIDTH}"
          y="${y + 4}"
          width="${scale(step.done)}"
          height="${BAR_HEIGHT - 8}"
        ></rect>
        <text x="${LABEL_WIDTH + scale(step.reached) + 6}" y="${y + BAR_HEIGHT - 2}">${step.reached}</text>
      </g>`;
    })}
  </svg>`;
}
