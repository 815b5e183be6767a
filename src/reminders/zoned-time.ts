import { formatDate } from './calendar-date.js';

/** Wall-clock fields of an instant in a zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `epochMs`. */
export function wallClock(zone: string, epochMs: number): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(epochMs)) fields[part.type] = part.value;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    weekday: WEEKDAYS.indexOf(fields.weekday ?? ''),
  };
}

/** UTC offset of `zone` at `epochMs`, in ms (east positive). */
export function offsetMs(zone: string, epochMs: number): number {
  const wall = wallClock(zone, epochMs);
  const seconds = Number(
    formatter(zone)
      .formatToParts(epochMs)
      .find((part) => part.type === 'second')?.value ?? 0,
  );
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, seconds);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** "YYYY-MM-DD" of the learner's local day: streaks and once-a-day claims use it. */
export function localDate(zone: string, epochMs: number): string {
  const { year, month, day } = wallClock(zone, epochMs);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant a local date and time happens in `zone`. In a fall-back overlap the time exists twice:
 * the earlier instant is used, so a reminder fires once. In a spring-forward gap it does not exist:
 * the first valid minute after it (the moment clocks jump) is used.
 */
export function instantOfLocal(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([
    offsetMs(zone, wallAsUtc - DAY_MS),
    offsetMs(zone, wallAsUtc),
    offsetMs(zone, wallAsUtc + DAY_MS),
  ]);
  const exact = [...offsets]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => offsetMs(zone, instant) === wallAsUtc - instant);
  if (exact.length > 0) return Math.min(...exact);
  const before = offsetMs(zone, wallAsUtc - DAY_MS);
  const after = offsetMs(zone, wallAsUtc + DAY_MS);
  return firstInstantWithOffset(zone, wallAsUtc - after, wallAsUtc - before, after);
}

/** Binary search, to the minute, for when `zone` switches to `offset` between `low` and `high`. */
function firstInstantWithOffset(zone: string, low: number, high: number, offset: number): number {
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.ceil(high / MINUTE_MS);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid * MINUTE_MS) === offset) hi = mid;
    else lo = mid + 1;
  }
  return lo * MINUTE_MS;
}

/** The next instant strictly after `afterMs` when local time `hhmm` ("09:00") happens in `zone`. */
export function nextOccurrence(zone: string, hhmm: string, afterMs: number): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const today = wallClock(zone, afterMs);
  for (let offsetDays = 0; offsetDays < 3; offsetDays += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));
    const instant = instantOfLocal(
      zone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hour,
      minute,
    );
    if (instant > afterMs) return instant;
  }
  throw new Error(`no occurrence of ${hhmm} in ${zone} within 3 days of ${new Date(afterMs).toISOString()}`);
}

/** The next instant after `afterMs` that is weekday `weekday` (0 = Sunday) at `hhmm` in `zone`. */
export function nextWeeklyOccurrence(zone: string, weekday: number, hhmm: string, afterMs: number): number {
  let candidate = nextOccurrence(zone, hhmm, afterMs);
  for (let step = 0; step < 8; step += 1) {
    if (
      wallClock(zone, candidate).weekday === weekday ||
      wallClock(zone, candidate - 60 * MINUTE_MS).weekday === weekday
    )
      return candidate;
    candidate = nextOccurrence(zone, hhmm, candidate);
  }
  throw new Error(`no weekday ${weekday} found after ${new Date(afterMs).toISOString()}`);
}

/** "Tue 09:00" in the zone, for messages. */
export function formatLocal(zone: string, epochMs: number): string {
  const wall = wallClock(zone, epochMs);
  return `${WEEKDAYS[wall.weekday]} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** "Wed 09:00" within the coming week, "Mon 28 Dec 09:00" further off (after a pause), in the zone. */
export function formatLocalWhen(zone: string, epochMs: number, nowMs: number): string {
  if (epochMs - nowMs < 6 * DAY_MS) return formatLocal(zone, epochMs);
  const wall = wallClock(zone, epochMs);
  const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return `${formatDate(localDate(zone, epochMs), localDate(zone, nowMs))} ${time}`;
}

/** "2026-12-01T23:03:19+01:00": an instant in ISO 8601 with the zone's offset at that moment ("Z" for UTC), to the second. */
export function isoInZone(zone: string, epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const offset = zone === 'UTC' ? 0 : offsetMs(zone, seconds);
  const local = new Date(seconds + offset).toISOString().slice(0, 19);
  if (zone === 'UTC') return `${local}Z`;
  const minutes = Math.abs(offset) / MINUTE_MS;
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
