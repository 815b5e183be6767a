import { looksLikeDays, parseDays } from './parse-days.js';
import { parseTimeOfDay } from './parse-time-of-day.js';
import { resolveTimeZone } from './resolve-time-zone.js';

/** The evening streak nudge asked for: off, or on (at a time, or the one it had). */
export interface NudgeRequest {
  enabled: boolean;
  time?: string;
}

/** What `remind` was asked; a change names only what the learner typed, the rest stays as it was. */
export type RemindRequest =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'change'; time?: string; zone?: string; days?: number[]; nudge?: NudgeRequest };

const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;
const OFF = /^(off|stop|none|disable)$/i;

/**
 * "9am Europe/Berlin mon,wed,fri", "9:30 pm", "weekdays", "nudge off", "nudge 20:00", "off", "" -> what the
 * learner asked for, every part checked. Days come last, the nudge after the word "nudge".
 */
export function parseRemindArgs(args: Record<string, string | undefined>): RemindRequest {
  const nudgeText = args.nudge?.replace(/^nudge\b/i, '').trim();
  const text = [args.time, args.zone, args.days, nudgeText !== undefined ? `nudge ${nudgeText}` : '']
    .filter(Boolean)
    .join(' ')
    .replace(/\bevery\s+day\b/gi, 'daily');
  const all = text.split(/\s+/).filter(Boolean);
  const nudgeAt = all.findIndex((word) => /^nudge$/i.test(word));
  const words = nudgeAt < 0 ? all : all.slice(0, nudgeAt);
  const nudge = nudgeAt < 0 ? undefined : parseNudge(all.slice(nudgeAt + 1));
  if (words.length === 0) return nudge ? { kind: 'change', nudge } : { kind: 'show' };
  if (words.length === 1 && OFF.test(words[0]!) && !nudge) return { kind: 'off' };
  let dayWords = 0;
  while (dayWords < words.length && looksLikeDays(words[words.length - 1 - dayWords]!)) dayWords += 1;
  const days = dayWords > 0 ? parseDays(words.slice(words.length - dayWords).join(' ')) : undefined;
  const rest = words.slice(0, words.length - dayWords);
  const change = { kind: 'change' as const, ...(days && { days }), ...(nudge && { nudge }) };
  if (rest.length === 0) return change;
  const timeWords = rest.length > 1 && MERIDIEM.test(rest[1]!) ? 2 : 1;
  const time = parseTimeOfDay(rest.slice(0, timeWords).join(' '));
  const zoneText = rest.slice(timeWords).join(' ');
  return zoneText ? { ...change, time, zone: resolveTimeZone(zoneText) } : { ...change, time };
}

/** "off", "on", "20:00", "8 pm" after the word "nudge"; nothing there means "on". */
function parseNudge(words: string[]): NudgeRequest {
  if (words.length === 1 && OFF.test(words[0]!)) return { enabled: false };
  if (words.length === 0 || (words.length === 1 && /^on$/i.test(words[0]!))) return { enabled: true };
  return { enabled: true, time: parseTimeOfDay(words.join(' ')) };
}
