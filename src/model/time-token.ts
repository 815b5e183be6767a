/**
 * A time the bot shows, as a token in the Reply's Markdown subset, so each platform can show it in every
 * reader's own zone (Slack `<!date^…>`, Discord `<t:…>`) with the learner's-zone text as the fallback; the
 * console and every place a platform cannot format a time (titles, buttons, notifications) show the fallback.
 * The brackets (U+27E6, U+27E7) are nothing Markdown or either platform's markup gives a meaning to.
 */
export type TimeStyle = 'time' | 'date-time' | 'date';

/** One time as the renderers see it. */
export interface TimeMark {
  epochSeconds: number;
  style: TimeStyle;
  /** In the learner's zone, as the bot always wrote it ("Wed 09:00 Europe/Berlin"). */
  fallback: string;
}

const OPEN = '\u27e6';
const CLOSE = '\u27e7';
const TOKEN = /\u27e6time (\d{1,12}) (time|date-time|date)\|([^\u27e7\n]*)\u27e7/g;

export function timeToken(epochMs: number, style: TimeStyle, fallback: string): string {
  const text = fallback.replace(/[\u27e6\u27e7\n]/g, ' ');
  return `${OPEN}time ${Math.floor(epochMs / 1000)} ${style}|${text}${CLOSE}`;
}

/** Each token in `text` as `render` shows it; the text around it is left as it is. */
export function renderTimes(text: string, render: (mark: TimeMark) => string): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(TOKEN, (_token, seconds: string, style: TimeStyle, fallback: string) =>
    render({ epochSeconds: Number(seconds), style, fallback }),
  );
}

/** The text as the learner's zone reads it: every token becomes its fallback. */
export function withFallbackTimes(text: string): string {
  return renderTimes(text, (mark) => mark.fallback);
}

/** Splits text into plain runs and times, for renderers that build rich text element by element. */
export function splitTimes(text: string): (string | TimeMark)[] {
  const parts: (string | TimeMark)[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ epochSeconds: Number(match[1]), style: match[2] as TimeStyle, fallback: match[3] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
