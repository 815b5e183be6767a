import { describe, expect, it } from 'vitest';
import { isoWeekKey, isoWeekOf, startOfIsoWeek } from '../../src/learners/iso-week.js';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('ISO-8601 week labels', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2026-12-01', '2026-W49'],
    ['2026-11-30', '2026-W49'], // Monday of that week
    ['2026-11-29', '2026-W48'], // Sunday before it
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'], // a Sunday in January still in the previous ISO year
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'], // a Monday in December already in the next ISO year
    ['2027-01-01', '2026-W53'],
    ['2025-12-28', '2025-W52'],
  ])('%s is %s', (date, week) => expect(isoWeekKey(day(date))).toBe(week));

  it('labels the week of the local date in the zone, starting Monday 00:00 there', () => {
    // Mon 30 Nov 2026 01:00 in Tokyo is Sun 29 Nov 16:00 UTC.
    const at = Date.UTC(2026, 10, 29, 16, 0);
    expect(isoWeekOf('Asia/Tokyo', at)).toBe('2026-W49');
    expect(isoWeekOf('UTC', at)).toBe('2026-W48');
    expect(new Date(startOfIsoWeek('Asia/Tokyo', at)).toISOString()).toBe('2026-11-29T15:00:00.000Z');
  });
});
