import { parseTimeOfDay } from './parse-time-of-day.js';
import { resolveTimeZone } from './resolve-time-zone.js';

export type RemindRequest = { kind: 'show' } | { kind: 'off' } | { kind: 'set'; time: string; zone?: string };

const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;

/** "9am Europe/Berlin", "9:30 pm", "off", "" -> what the learner asked for (time and zone checked). */
export function parseRemindArgs(time: string | undefined, zone: string | undefined): RemindRequest {
  const words = [time, zone].filter(Boolean).join(' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'show' };
  if (words.length === 1 && /^(off|stop|none|disable)$/i.test(words[0]!)) return { kind: 'off' };
  const timeWords = words.length > 1 && MERIDIEM.test(words[1]!) ? 2 : 1;
  const parsedTime = parseTimeOfDay(words.slice(0, timeWords).join(' '));
  const zoneText = words.slice(timeWords).join(' ');
  return zoneText
    ? { kind: 'set', time: parsedTime, zone: resolveTimeZone(zoneText) }
    : { kind: 'set', time: parsedTime };
}
