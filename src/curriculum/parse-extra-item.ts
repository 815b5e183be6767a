import type { Tokens } from 'marked';
import type { ExtraItem } from './learning-path.js';
import { firstLink, inlineText } from './markdown-blocks.js';
import { isPlaceholder } from './placeholder.js';

const PART_SEPARATOR = /\s+[—–]\s+/;

/**
 * "Title — [Label](https://…)" or "Title — 12 min — Channel": the title, a real link if there is one,
 * and any detail that is not a placeholder.
 */
export function parseExtraItem(item: Tokens.ListItem): ExtraItem | undefined {
  const inline = item.tokens.flatMap((token) => ('tokens' in token && token.tokens ? token.tokens : [token]));
  const link = firstLink(inline);
  const parts = inlineText(inline).split(PART_SEPARATOR).map((part) => part.trim());
  const title = parts[0] ?? '';
  if (isPlaceholder(title)) return undefined;
  const details = parts.slice(1).filter((part) => !isPlaceholder(part) && part !== link?.text);
  const extra: ExtraItem = { title };
  if (link?.href && /^https?:\/\//.test(link.href)) extra.url = link.href;
  if (details.length > 0) extra.detail = details.join(' — ');
  return extra;
}
