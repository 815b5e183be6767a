import { encodeLearnerId } from '../../src/model/learner-id.js';
import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../src/reminders/parse-time-of-day.js';
import { resolveTimeZone } from '../../src/reminders/resolve-time-zone.js';
import { formatLocal, localDate, nextOccurrence } from '../../src/reminders/zoned-time.js';
import { createTestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('reading times and zones', () => {
  it.each([
    ['9am', '09:00'],
    ['9 AM', '09:00'],
    ['9:30pm', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['21:30', '21:30'],
    ['0930', '09:30'],
    ['9', '09:00'],
    ['7.45', '07:45'],
    ['noon', '12:00'],
    ['Midnight', '00:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('%s -> %s', (input, expected) => expect(parseTimeOfDay(input)).toBe(expected));

  it.each(['24:00', '25:00', '9:75', '13pm', '0am', 'soon', '', '9:3', '-1'])('refuses %j', (input) =>
    expect(() => parseTimeOfDay(input)).toThrow(/isn't a time of day/),
  );

  it('resolves zones case-insensitively, by city and by link, and explains abbreviations', () => {
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('Kathmandu')).toBe('Asia/Kathmandu');
    expect(resolveTimeZone('new york')).toBe('America/New_York');
    expect(resolveTimeZone('utc')).toBe('UTC');
    expect(() => resolveTimeZone('PST')).toThrow(/abbreviation/);
    expect(() => resolveTimeZone('Mars/Olympus')).toThrow(/I don't know the time zone/);
  });
});

describe('finding the zone a learner meant', () => {
  const zoneOf = (typed: string) => {
    try {
      return resolveTimeZone(typed);
    } catch (error) {
      return `${(error as Error).message} ${(error as { hint?: string }).hint}`;
    }
  };

  it.each([
    ['America/NewYork', 'America/New_York'],
    ['newyork', 'America/New_York'],
    ['america/los angeles', 'America/Los_Angeles'],
    ['US/Pacific', 'US/Pacific'],
    ['us/eastern', 'US/Eastern'],
    ['NZ', 'NZ'],
    ['isle of man', 'Europe/Isle_of_Man'],
    ['Port au Prince', 'America/Port-au-Prince'],
    ['kyiv', 'Europe/Kyiv'],
    ['asia/kolkata', 'Asia/Kolkata'],
  ])('%s is %s, spelled as IANA spells it', (typed, zone) => expect(zoneOf(typed)).toBe(zone));

  it.each([
    ['Europe/Berln', 'Did you mean `Europe/Berlin`?'],
    ['Berln', 'Did you mean `Europe/Berlin`?'],
    ['Tokio', 'Did you mean `Asia/Tokyo`?'],
    ['Amerca/Chicago', 'Did you mean `America/Chicago`?'],
    ['Europe/Londn', 'Did you mean `Europe/London`?'],
    ['PST', 'Use a zone name instead, for example `America/Los_Angeles`.'],
  ])('%s gets the intended zone suggested', (typed, hint) => expect(zoneOf(typed)).toContain(hint));

  it('answers remind with the suggestion, and offers the same zones as the learner types', async () => {
    const t = await createTestBot();
    const reply = await run(t.bot, learner('ana'), 'remind', { time: '9am', zone: 'Europe/Berln' });
    expect(reply.text).toBe('I don\'t know the time zone "Europe/Berln".\nDid you mean `Europe/Berlin`?');
    const set = await run(t.bot, learner('ana'), 'remind', { time: '9am', zone: 'US/Pacific' });
    expect(set.text).toContain('every day at **09:00 US/Pacific**');
    const typed = (partial: string) =>
      t.bot.autocomplete({ path: 'webrtc', command: 'remind', option: 'zone', partial, user: learner('ana') });
    expect(await typed('new y')).toEqual([{ name: 'America/New_York', value: 'America/New_York' }]);
    expect((await typed('berln')).map((choice) => choice.value)).toEqual(['Europe/Berlin']);
    expect((await typed('kiev')).map((choice) => choice.value)).toEqual(['Europe/Kyiv']);
    expect(await typed('')).toHaveLength(25);
  });
});

describe('the next reminder instant, across DST', () => {
  it('New York: a spring-forward gap fires at the first valid minute after, an overlap fires once', () => {
    const zone = 'America/New_York';
    expect(iso(nextOccurrence(zone, '02:30', Date.UTC(2026, 2, 7, 12)))).toBe('2026-03-08T07:00:00.000Z');
    const first = nextOccurrence(zone, '01:30', Date.UTC(2026, 9, 31, 12));
    expect(iso(first)).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextOccurrence(zone, '01:30', first))).toBe('2026-11-02T06:30:00.000Z');
  });

  it('Lord Howe (30-minute DST) and Kathmandu (+5:45)', () => {
    expect(iso(nextOccurrence('Australia/Lord_Howe', '02:15', Date.UTC(2026, 9, 3)))).toBe('2026-10-03T15:30:00.000Z');
    expect(iso(nextOccurrence('Asia/Kathmandu', '09:00', Date.UTC(2026, 0, 1)))).toBe('2026-01-01T03:15:00.000Z');
    expect(localDate('Asia/Kathmandu', Date.UTC(2026, 0, 1, 18, 15))).toBe('2026-01-02');
  });

  it('remind shows the next reminder in local time, right after a DST change', async () => {
    const t = await createTestBot({ now: Date.UTC(2026, 2, 28, 12) }); // Sat, the day before Europe springs forward
    const reply = await run(t.bot, learner('ana'), 'remind', { time: '09:00', zone: 'Europe/Berlin' });
    expect(reply.text).toContain('Next reminder: **Sun 09:00 Europe/Berlin**');
    const shown = await run(t.bot, learner('ana'), 'remind');
    expect(shown.text).toBe(
      [
        'Your daily reminder: **09:00 Europe/Berlin**.',
        'Next reminder: **Sun 09:00 Europe/Berlin**.',
        'Streak nudge: **21:00** on a study day your streak is at risk (`/webrtc remind nudge off` stops it).',
      ].join('\n'),
    );
    const record = await t.store.learners.get(encodeLearnerId(learner('ana')));
    expect(iso(record!.paths.webrtc!.reminder!.nextAt!)).toBe('2026-03-29T07:00:00.000Z');
    expect(formatLocal('Europe/Berlin', record!.paths.webrtc!.reminder!.nextAt!)).toBe('Sun 09:00');
    const off = await run(t.bot, learner('ana'), 'remind', { time: 'off' });
    expect(off.text).toMatch(/^Reminders are off/);
    expect(await t.store.learners.due(Math.floor(Date.UTC(2026, 2, 29, 7) / 60_000))).toEqual([]);
  });
});
