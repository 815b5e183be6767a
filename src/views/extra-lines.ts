import type { ExtraItem } from '../curriculum/learning-path.js';
import { linkedTitle } from './resource-lines.js';

/** Additional resources or videos as "- " bullets: the title, linked when there is a real link, and its detail (a video's length, its channel). */
export function extraLines(items: readonly ExtraItem[]): string[] {
  return items.map((item) => `- ${linkedTitle(item)}${item.detail ? ` — ${item.detail}` : ''}`);
}
