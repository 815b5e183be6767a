import type { BackendKind } from './bench-backend.js';
import { measureDashboard, type DashboardMeasurement } from './bench-dashboard.js';
import { atMost, below, figure, formatNumber, type Figure } from './bench-report.js';
import type { SectionDeps } from './run-section.js';

const label = (kind: BackendKind) => (kind === 'sqlite' ? 'SQLite' : 'Redis');
const count = (value: number) => value.toLocaleString('en-US');

/** Section 6: one view's p99 at each size (target at the largest), and the largest against the smallest. */
export async function dashboardFigures(deps: SectionDeps): Promise<Figure[]> {
  const { datasets, sizes, kinds, paths } = deps;
  const figures: Figure[] = [];
  for (const kind of kinds) {
    const measured: DashboardMeasurement[] = [];
    for (const learners of sizes.dashboardSizes)
      measured.push(await measureDashboard(await datasets.get(kind, learners), paths[0]!, sizes.dashboardViews));
    const [smallest, largest] = [measured[0]!, measured.at(-1)!];
    for (const view of measured) {
      figures.push(
        figure(
          `${label(kind)}: view p99, ${count(view.learners)} learners`,
          view.view.p99,
          'ms',
          view === largest ? below(50) : undefined,
          `p50 ${formatNumber(view.view.p50)} ms over ${view.view.count} views; p99 overview ${formatNumber(view.overview.p99)}, funnel ${formatNumber(view.funnel.p99)}, page of 25 ${formatNumber(view.page.p99)} ms; first view after a restart ${formatNumber(view.coldMs)} ms`,
        ),
      );
    }
    figures.push(
      figure(
        `${label(kind)}: view p99, ${count(largest.learners)} ÷ ${count(smallest.learners)}`,
        largest.view.p99 / smallest.view.p99,
        '×',
        atMost(2),
        `${formatNumber(largest.view.p99)} vs ${formatNumber(smallest.view.p99)} ms: the cost follows the path's resources and the page, not the learners`,
      ),
    );
  }
  return figures;
}
