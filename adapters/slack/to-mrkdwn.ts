/**
 * Converts the core's small Markdown subset (**bold**, _italic_, `code`, [label](url), "- " bullets,
 * ``` fences) to Slack mrkdwn or to plain text. Everything else is text from users or content: `&`, `<` and `>`
 * are escaped so nothing can become a link or a mention, and broadcast words are defused.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

const INLINE =
  /\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])_([^_\n]+?)_(?![\p{L}\p{N}_])|`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/gu;

/** A zero-width space after "@" keeps "@channel" readable but stops Slack from treating it as a broadcast. */
const BROADCAST = /@(channel|here|everyone)\b/gi;

export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(BROADCAST, '@\u200B$1');
}

/** Markdown subset -> Slack mrkdwn, escaped. */
export function toMrkdwn(markdown: string): string {
  return mapLines(markdown, (line) => tokenize(line).map(mrkdwnToken).join(''), '• ', '```');
}

/** Markdown subset -> plain text for notifications and fallbacks, escaped (Slack still parses `text`). */
export function toPlainText(markdown: string): string {
  return mapLines(markdown, (line) => tokenize(line).map(plainToken).join(''), '• ', undefined);
}

/** A fence line opens or closes a preformatted block; inside one, text is only escaped. */
const FENCE = /^\s*```/;

function mapLines(
  markdown: string,
  render: (line: string) => string,
  bullet: string,
  fence: string | undefined,
): string {
  let inFence = false;
  const lines: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      if (fence !== undefined) lines.push(fence);
      continue;
    }
    const item = inFence ? null : /^(\s*)- (.*)$/.exec(line);
    if (inFence) lines.push(escapeSlackText(line));
    else lines.push(item ? `${item[1]}${bullet}${render(item[2] ?? '')}` : render(line));
  }
  if (inFence && fence !== undefined) lines.push(fence);
  return lines.join('\n');
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) tokens.push({ kind: 'text', text: line.slice(last, at) });
    const [, bold, italic, code, label, url] = match;
    if (bold !== undefined) tokens.push({ kind: 'bold', text: bold });
    else if (italic !== undefined) tokens.push({ kind: 'italic', text: italic });
    else if (code !== undefined) tokens.push({ kind: 'code', text: code });
    else tokens.push({ kind: 'link', text: label ?? '', url: url ?? '' });
    last = at + match[0].length;
  }
  if (last < line.length) tokens.push({ kind: 'text', text: line.slice(last) });
  return tokens;
}

function mrkdwnToken(token: Token): string {
  const text = escapeSlackText(token.text);
  switch (token.kind) {
    case 'text':
      return text;
    case 'bold':
      return `*${mrkdwnInline(token.text)}*`;
    case 'italic':
      return `_${mrkdwnInline(token.text)}_`;
    case 'code':
      return `\`${text}\``;
    case 'link':
      return `<${escapeUrl(token.url)}|${text.replace(/\|/g, '¦')}>`;
  }
}

function plainToken(token: Token): string {
  if (token.kind === 'bold' || token.kind === 'italic') return tokenize(token.text).map(plainToken).join('');
  const text = escapeSlackText(token.text);
  return token.kind === 'link' ? `${text} (${escapeSlackText(token.url)})` : text;
}

/** Emphasis may wrap a link or code: "**[MDN](https://…)**". */
function mrkdwnInline(text: string): string {
  return tokenize(text).map(mrkdwnToken).join('');
}

/** Inside `<url|label>` the characters `<`, `>` and `|` end the link; percent-encode them. */
export function escapeUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}
