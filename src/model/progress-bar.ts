const BAR_WIDTH = 10;

/** A text progress bar that reads the same on every platform: "▓▓▓▓░░░░░░ 40%". */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const ratio = total <= 0 ? 0 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(ratio * 100)}%`;
}
