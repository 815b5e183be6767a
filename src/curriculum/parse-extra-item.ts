import type { Tokens } from 'marked';
import type { ExtraItem } from './learning-path.js';
import { readLineParts } from './line-parts.js';

/** "Title — [Label](https://…)", "Title — doc.rust-lang.org/book" or "Title — a note": the title, a real link, any real detail. */
export function parseExtraItem(item: Tokens.ListItem, line: number, file: string): ExtraItem | undefined {
  const parts = readLineParts(item, line, file);
  if (!parts) return undefined;
  const extra: ExtraItem = { title: parts.title };
  if (parts.url) extra.url = parts.url;
  if (parts.values.length > 0) extra.detail = parts.values.join(' — ');
  return extra;
}
