import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../../src/reminders/calendar-date.js';
import { instantOfLocal, localDate, offsetMs, wallClock } from '../../../src/reminders/zoned-time.js';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot } from '../../fakes/test-bot.js';
import { learner, press, run } from '../../fixtures/learners.js';
import { makePath } from '../../fixtures/make-path.js';

/** Each zone's pause, over one of its DST changes (Kathmandu and UTC have none: any fortnight). */
const ZONES: { zone: string; pause: [string, string] }[] = [
  { zone: 'America/New_York', pause: ['2026-03-01', '2026-03-15'] },
  { zone: 'Europe/London', pause: ['2026-10-18', '2026-11-01'] },
  { zone: 'Australia/Lord_Howe', pause: ['2026-09-27', '2026-10-11'] },
  { zone: 'Asia/Kathmandu', pause: ['2026-06-01', '2026-06-15'] },
  { zone: 'Pacific/Auckland', pause: ['2026-03-29', '2026-04-12'] },
  { zone: 'UTC', pause: ['2026-08-01', '2026-08-15'] },
];
/** Weekday sets, each with a time that meets a DST gap or overlap in some zone. */
const SETS = [
  { days: 'daily', weekdays: [0, 1, 2, 3, 4, 5, 6], time: '09:00' },
  { days: 'mon,wed,fri', weekdays: [1, 3, 5], time: '02:30' },
  { days: 'weekends', weekdays: [0, 6], time: '01:30' },
];
const START = Date.UTC(2026, 0, 1, 0, 0);
const END = START + 365 * 86_400_000;
const STEP_MS = 15 * 60_000; // every reminder, nudge and local midnight in these zones falls on a quarter hour UTC
/** A path long enough for a year of studying two days in three. */
const LONG_PATH = makePath('webrtc', [
  { title: 'All', resources: Array.from({ length: 300 }, (_, i) => `Step ${i + 1}`) },
]);

const hhmm = (zone: string, at: number) => {
  const wall = wallClock(zone, at);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
};

describe('a year of reminders on chosen weekdays, with a pause over a DST change, and streak nudges', () => {
  it(
    'one reminder on each study day at the chosen time, none on other days or while paused, one nudge on each day a streak is at risk',
    { timeout: 300_000 },
    async () => {
      const t = await createTestBot({ now: START - 3_600_000, paths: [LONG_PATH] });
      const recorder = createRecordingMessenger(() => t.clock.now());
      t.bot.registerMessenger(recorder.messenger);
      const people = ZONES.flatMap(({ zone, pause }) =>
        SETS.map((set) => ({ ...set, zone, pause, user: learner(`${zone}-${set.days}`.replace(/[/:,]/g, '_')) })),
      );
      for (const person of people) {
        const [from, until] = person.pause.map((date) => offsetMs(person.zone, Date.parse(`${date}T12:00:00Z`)));
        if (!['Asia/Kathmandu', 'UTC'].includes(person.zone))
          expect(from, `${person.zone}: the pause crosses a DST change`).not.toBe(until);
        await run(t.bot, person.user, 'remind', { time: person.time, zone: person.zone, days: person.days });
      }
      const pauseAt = new Map(
        people.map((person) => {
          const [year, month, day] = person.pause[0].split('-').map(Number) as [number, number, number];
          return [person, instantOfLocal(person.zone, year, month, day, 0, 0)];
        }),
      );
      const studied = new Map(people.map((person) => [person.user.id, 0]));

      for (let at = START; at < END; at += STEP_MS) {
        t.clock.set(at);
        for (const person of people)
          if (pauseAt.get(person) === at) await run(t.bot, person.user, 'pause', { until: person.pause[1] });
        await t.bot.reminders.tick();
        // Two study days in three the learner presses Done on the reminder; on the third they only look.
        for (const delivery of recorder.deliveries.filter((entry) => entry.at === at)) {
          if (delivery.reply.title?.startsWith('🔥')) continue;
          const user = learner(delivery.to);
          const count = studied.get(delivery.to)!;
          studied.set(delivery.to, count + 1);
          if (count % 3 === 2) await run(t.bot, user, 'next', {}, { id: 'D', isDirect: true });
          else await press(t.bot, user, 'done', delivery.reply.buttons![0]!.action.value);
        }
      }

      for (const person of people) {
        const label = `${person.zone} ${person.days} ${person.time}`;
        const mine = recorder.deliveries.filter((entry) => entry.to === person.user.id);
        const reminders = mine.filter((entry) => !entry.reply.title?.startsWith('🔥'));
        const nudges = mine.filter((entry) => entry.reply.title?.startsWith('🔥'));
        const dates = reminders.map((entry) => localDate(person.zone, entry.at));
        const paused = (date: string) => date >= person.pause[0] && date < person.pause[1];
        const studyDay = (date: string) => person.weekdays.includes(weekdayOf(date)) && !paused(date);
        expect(new Set(dates).size, `${label}: one a day`).toBe(dates.length);
        expect(
          dates.filter((date) => !studyDay(date)),
          `${label}: none on days off or paused`,
        ).toEqual([]);
        const expected: string[] = [];
        for (let date = '2026-01-02'; date <= '2026-12-29'; date = addDays(date, 1))
          if (studyDay(date)) expected.push(date);
        expect(
          expected.filter((date) => !dates.includes(date)),
          `${label}: every study day`,
        ).toEqual([]);
        for (const entry of reminders) {
          const shown = hhmm(person.zone, entry.at);
          if (shown === person.time) continue;
          // Only allowed when the chosen time did not exist that day: the clock jumped over it.
          const before = hhmm(person.zone, entry.at - 60_000);
          expect(before < person.time && shown > person.time, `${label} at ${new Date(entry.at).toISOString()}`).toBe(
            true,
          );
        }
        // A nudge on each day the learner only looked (the third study day), at 21:00: their streak was 2.
        const atRisk = dates.filter((date, index) => index % 3 === 2 && date <= '2026-12-29');
        const nudged = nudges.map((entry) => localDate(person.zone, entry.at));
        expect(
          nudged.filter((date) => date <= '2026-12-29'),
          `${label}: nudges`,
        ).toEqual(atRisk);
        expect(new Set(nudges.map((entry) => hhmm(person.zone, entry.at))), `${label}: nudge time`).toEqual(
          new Set(['21:00']),
        );
        expect(new Set(nudges.map((entry) => entry.reply.title)), `${label}: what the nudges said`).toEqual(
          new Set([`🔥 Your 2-day ${LONG_PATH.title} streak ends at midnight`]),
        );
        expect(
          mine.filter((entry) => paused(localDate(person.zone, entry.at))),
          `${label}: nothing while paused`,
        ).toEqual([]);
      }
      const on = (id: string, zone: string, date: string) =>
        recorder.deliveries
          .filter(
            (entry) => entry.to === id && localDate(zone, entry.at) === date && !entry.reply.title?.startsWith('🔥'),
          )
          .map((entry) => new Date(entry.at).toISOString());
      // 01:30 on the Sunday New York falls back happens twice: the reminder comes once, at the first.
      expect(on('America_New_York-weekends', 'America/New_York', '2026-11-01')).toEqual(['2026-11-01T05:30:00.000Z']);
      // 01:30 on the Sunday London springs forward does not happen: the reminder comes as clocks jump, at 02:00.
      expect(on('Europe_London-weekends', 'Europe/London', '2026-03-29')).toEqual(['2026-03-29T01:00:00.000Z']);
    },
  );
});
