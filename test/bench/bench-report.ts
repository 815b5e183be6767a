/** A limit a figure is held against: "at least 0.9" or "below 20 ms". */
export interface Target {
  comparison: 'at-least' | 'below' | 'at-most';
  value: number;
}

/** One measured number, with its target when it has one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: Target;
  /** Whether the value meets its target; absent for figures given for context only. */
  met?: boolean;
  detail?: string;
}

export interface Section {
  id: string;
  title: string;
  figures: Figure[];
}

export interface BenchReport {
  startedAt: string;
  size: string;
  machine: Record<string, string | number>;
  sections: Section[];
  durationS: number;
}

export const atLeast = (value: number): Target => ({ comparison: 'at-least', value });
export const below = (value: number): Target => ({ comparison: 'below', value });
export const atMost = (value: number): Target => ({ comparison: 'at-most', value });

/** A figure, judged against its target if it has one. */
export function figure(name: string, value: number, unit: string, target?: Target, detail?: string): Figure {
  const judged: Figure = { name, value, unit };
  if (target) Object.assign(judged, { target, met: meets(value, target) });
  if (detail) judged.detail = detail;
  return judged;
}

function meets(value: number, { comparison, value: limit }: Target): boolean {
  if (comparison === 'at-least') return value >= limit;
  if (comparison === 'below') return value < limit;
  return value <= limit;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits =
    Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 0.1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const SYMBOL = { 'at-least': '≥', below: '<', 'at-most': '≤' } as const;

/** The report as aligned text: every figure beside its target, ✓ or ✗. */
export function formatReport(report: BenchReport): string {
  const lines = [
    `npm run bench — size ${report.size}, ${report.startedAt}, ${formatNumber(report.durationS)} s`,
    Object.entries(report.machine)
      .map(([key, value]) => `${key}: ${value}`)
      .join(' · '),
  ];
  const width = Math.max(...report.sections.flatMap((section) => section.figures.map((item) => item.name.length)), 10);
  for (const section of report.sections) {
    lines.push('', section.title);
    for (const item of section.figures) {
      const value = `${formatNumber(item.value)} ${item.unit}`.trim();
      const target = item.target
        ? `${SYMBOL[item.target.comparison]} ${formatNumber(item.target.value)} ${item.unit}`.trim()
        : '';
      const verdict = item.met === undefined ? ' ' : item.met ? '✓' : '✗';
      lines.push(
        `  ${verdict} ${item.name.padEnd(width)}  ${value.padStart(14)}  ${target.padEnd(16)}${item.detail ? `  ${item.detail}` : ''}`,
      );
    }
  }
  const missed = report.sections.flatMap((section) =>
    section.figures.filter((item) => item.met === false).map((item) => `${section.id}: ${item.name}`),
  );
  lines.push('', missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.join('; ')}`);
  return lines.join('\n');
}
