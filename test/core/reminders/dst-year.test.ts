import { describe, expect, it } from 'vitest';
import { localDate, wallClock } from '../../../src/reminders/zoned-time.js';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot } from '../../fakes/test-bot.js';
import { learner, run } from '../../fixtures/learners.js';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Auckland', 'UTC'];
const TIMES = ['09:00', '02:30', '01:30'];
const START = Date.UTC(2026, 0, 1, 0, 0);
const DAYS = 365;
const STEP_MS = 15 * 60_000; // every reminder in these zones falls on a quarter hour UTC

const hhmm = (zone: string, at: number) => {
  const wall = wallClock(zone, at);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
};

describe('a year of daily reminders across every DST change', () => {
  it(
    'sends exactly one per local day, at the chosen local time or the first minute after a gap',
    { timeout: 120_000 },
    async () => {
      const t = await createTestBot({ now: START - 3_600_000 });
      const recorder = createRecordingMessenger(() => t.clock.now());
      t.bot.registerMessenger(recorder.messenger);
      const people = ZONES.flatMap((zone) =>
        TIMES.map((time) => ({ user: learner(`${zone}-${time}`.replace(/[/:]/g, '_')), zone, time })),
      );
      for (const person of people) await run(t.bot, person.user, 'remind', { time: person.time, zone: person.zone });

      for (let at = START; at < START + DAYS * 86_400_000; at += STEP_MS) {
        t.clock.set(at);
        await t.bot.reminders.tick();
        // React to what arrived, as a learner would, so reminders never pause for being ignored.
        for (const delivery of recorder.deliveries.filter((entry) => entry.at === at)) {
          await t.bot.handleAction({
            path: 'webrtc',
            actionId: 'skip-today',
            value: '',
            ownerId: delivery.to,
            user: learner(delivery.to),
            channel: { id: 'D', isDirect: true },
          });
        }
      }

      for (const person of people) {
        const sent = recorder.deliveries.filter((entry) => entry.to === person.user.id).map((entry) => entry.at);
        const days = sent.map((at) => localDate(person.zone, at));
        expect(new Set(days).size, `${person.zone} ${person.time}: one per day`).toBe(days.length);
        expect(days.length, `${person.zone} ${person.time}: every day`).toBeGreaterThanOrEqual(DAYS - 1);
        for (const at of sent) {
          const shown = hhmm(person.zone, at);
          if (shown === person.time) continue;
          // Only allowed when the chosen time did not exist that day: the clock jumped over it.
          const before = hhmm(person.zone, at - 60_000);
          expect(
            before < person.time && shown > person.time,
            `${person.zone} ${person.time} at ${new Date(at).toISOString()} shows ${shown}`,
          ).toBe(true);
        }
      }
      const gaps = recorder.deliveries.filter(
        (entry) => entry.to === 'America_New_York-02_30' && hhmm('America/New_York', entry.at) !== '02:30',
      );
      expect(gaps.map((entry) => new Date(entry.at).toISOString())).toEqual(['2026-03-08T07:00:00.000Z']);
      const overlap = recorder.deliveries.filter(
        (entry) => entry.to === 'America_New_York-01_30' && localDate('America/New_York', entry.at) === '2026-11-01',
      );
      expect(overlap.map((entry) => new Date(entry.at).toISOString())).toEqual(['2026-11-01T05:30:00.000Z']);
    },
  );
});
