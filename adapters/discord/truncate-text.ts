const ELLIPSIS = '…';

const TIMESTAMP_START = '<t:';

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair nor a timestamp
 * (`<t:UNIX:f>`): half of one would show as raw markup, so it goes whole.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  const opened = text.lastIndexOf(TIMESTAMP_START, cut - 1);
  if (opened >= 0 && !text.slice(opened, cut).includes('>')) cut = opened;
  return `${text.slice(0, cut)}${ELLIPSIS}`;
}
