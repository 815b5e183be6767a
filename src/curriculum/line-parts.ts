import type { Tokens } from 'marked';
import { CurriculumError } from './curriculum-error.js';
import { inlineText, itemInline } from './markdown-blocks.js';
import { isPlaceholder, unbracket } from './placeholder.js';
import { looksLikeLink, readLink } from './read-link.js';

const PART_SEPARATOR = /\s+[—–]\s+/;

/** A one-line entry ("Title — part — part") split at its dashes: the title, a link, and the parts that are neither link nor hint. */
export interface LineParts {
  title: string;
  url?: string;
  /** Real values in written order, brackets removed ("[2 min]" -> "2 min"). */
  values: string[];
}

/**
 * Splits an extra or video line. A Markdown link or a bare URL ("doc.rust-lang.org/book") is the link;
 * a template hint ("[URL/Link description]") is dropped. Undefined when the title itself is a hint:
 * the line is the template's, not content. A link that is not http(s), or a second link, is an error.
 */
export function readLineParts(item: Tokens.ListItem, line: number, file: string): LineParts | undefined {
  const inline = itemInline(item);
  const links = collectLinks(inline);
  const [title = '', ...parts] = inlineText(inline)
    .split(PART_SEPARATOR)
    .map((part) => part.trim());
  if (isPlaceholder(title)) return undefined;
  const result: LineParts = { title: unbracket(title), values: [] };
  const hrefs = links.map((link) => link.href);
  for (const [index, part] of [title, ...parts].entries()) {
    if (links.some((link) => inlineText(link.tokens).trim() === part)) continue;
    if (looksLikeLink(part)) hrefs.push(part);
    else if (index > 0 && !isPlaceholder(part)) result.values.push(unbracket(part));
  }
  if (hrefs.length > 1)
    throw new CurriculumError(file, line, `"${result.title}" has ${hrefs.length} links; keep one per line`);
  if (hrefs[0] !== undefined) {
    const reading = readLink(hrefs[0]);
    if ('problem' in reading) throw new CurriculumError(file, line, `"${result.title}": ${reading.problem}`);
    result.url = reading.url;
  }
  return result;
}

function collectLinks(tokens: readonly Tokens.Generic[]): Tokens.Link[] {
  return tokens.flatMap((token) => {
    if (token.type === 'link') return [token as Tokens.Link];
    return 'tokens' in token && Array.isArray(token.tokens) ? collectLinks(token.tokens) : [];
  });
}
