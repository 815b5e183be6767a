/** Cutting text to Slack's limits: by line into sections, and to a length with an ellipsis. */

/** Splits on line breaks into pieces of at most `limit` characters (hard-cutting a single overlong line). */
export function chunkLines(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of hardCut(line, limit)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= limit) {
        current = joined;
      } else {
        if (current) chunks.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

function hardCut(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const pieces: string[] = [];
  for (let at = 0; at < line.length; at += limit) pieces.push(line.slice(at, at + limit));
  return pieces;
}

/** Cuts plain text (a header, a label) to `limit` with "…". */
export function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * Cuts mrkdwn to `limit` with "…". Every `<` a user typed is escaped, so an unclosed `<` at the cut opens markup
 * (a link, a date): it goes whole rather than show half of it.
 */
export function truncateMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const opened = text.lastIndexOf('<', cut - 1);
  if (opened >= 0 && !text.slice(opened, cut).includes('>')) cut = opened;
  return `${text.slice(0, cut)}…`;
}
