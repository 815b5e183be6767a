import { beforeEach, describe, expect, it } from 'vitest';
import type { Invocation } from '../../src/model/invocation.js';
import { withFallbackTimes } from '../../src/model/time-token.js';
import type { TestBot } from '../fakes/test-bot.js';
import { GENERAL, learner } from '../fixtures/learners.js';
import { MONDAY, reminderBot } from '../fixtures/reminder-bot.js';

const ana = learner('ana', 'Ana');
const seconds = (epochMs: number) => epochMs / 1000;
/** 09:00 in Berlin on Mon 30 Nov 2026 (08:00 UTC), and noon there on Mon 7 Dec (11:00 UTC). */
const MONDAY_NINE_BERLIN = Date.UTC(2026, 10, 30, 8, 0);
const NEXT_MONDAY_NOON_BERLIN = Date.UTC(2026, 11, 7, 11, 0);

/**
 * Every time the core shows carries a token: Slack and Discord show it in each reader's own zone, and its fallback
 * is the text the console (and every core test, through read-plain.ts) reads.
 */
describe('times the core shows, as tokens with the learner-zone fallback', () => {
  let t: TestBot;
  const ask = (command: string, args: Record<string, string> = {}, isAdmin = false) => {
    const invocation: Invocation = { path: 'webrtc', command, args, user: ana, channel: GENERAL, isAdmin };
    return t.bot.handle(invocation);
  };

  beforeEach(async () => {
    ({ t } = await reminderBot(MONDAY));
    await ask('remind', { time: '09:00', zone: 'Europe/Berlin' });
  });

  it('the next reminder, in `remind` and in the overview', async () => {
    const token = `⟦time ${seconds(MONDAY_NINE_BERLIN)} date-time|Mon 09:00 Europe/Berlin⟧`;
    expect((await ask('remind')).text).toContain(`Next reminder: **${token}**.`);
    const overview = await t.bot.overview(ana, 'webrtc');
    const reminder = overview.fields?.find((field) => field.name === 'Reminder')?.value;
    expect(reminder).toBe(
      `Daily at 09:00 Europe/Berlin (next: ⟦time ${seconds(MONDAY_NINE_BERLIN)} date-time|Mon 09:00⟧)`,
    );
  });

  it('a snooze confirmation, and the next reminder after Skip today', async () => {
    t.clock.set(MONDAY_NINE_BERLIN);
    await t.bot.reminders.tick();
    const pressed = (actionId: string) =>
      t.bot.handleAction({
        path: 'webrtc',
        actionId,
        value: '',
        ownerId: ana.id,
        user: ana,
        channel: { id: 'D', isDirect: true },
      });
    const inAnHour = MONDAY_NINE_BERLIN + 3_600_000;
    expect((await pressed('snooze')).text).toBe(
      `Snoozed. I'll remind you again at **⟦time ${seconds(inAnHour)} date-time|Mon 10:00 Europe/Berlin⟧**.`,
    );
    const tuesday = MONDAY_NINE_BERLIN + 24 * 3_600_000;
    expect((await pressed('skip-today')).text).toBe(
      `No problem, no more nudges today. See you at **⟦time ${seconds(tuesday)} date-time|Tue 09:00 Europe/Berlin⟧**.`,
    );
  });

  it('a pause: the day back as a date, the next reminder with its date', async () => {
    const paused = await ask('pause', { until: '2026-12-07' });
    const dayBack = `⟦time ${seconds(NEXT_MONDAY_NOON_BERLIN)} date|Mon 7 Dec⟧`;
    expect(paused.title).toBe(`Paused until ${dayBack}`);
    expect(paused.text).toContain(
      `Next reminder: **⟦time ${seconds(NEXT_MONDAY_NOON_BERLIN - 3 * 3_600_000)} date-time|Mon 7 Dec 09:00 Europe/Berlin⟧**.`,
    );
    expect((await ask('pause')).text).toBe(`Paused until **${dayBack}**. \`/webrtc resume\` ends it early.`);
  });

  it('plan dates: the finish and each coming study day', async () => {
    const plan = await ask('plan', { goal: '20 min' });
    expect(plan.text).toMatch(/finished on \*\*⟦time \d+ date\|\w{3} \d{1,2} \w{3}( \d{4})?⟧\*\*/);
    const days = plan.fields?.find((field) => field.name === 'Coming study days')?.value.split('\n') ?? [];
    expect(days[0]).toBe(`⟦time ${seconds(Date.UTC(2026, 10, 30, 11, 0))} date|Mon 30 Nov⟧ · 20 min · WebRTC Basics`);
  });

  it("the digest's next post", async () => {
    const on = await ask('digest', { day: 'mon', time: '09:00' }, true);
    const nextPost = Date.UTC(2026, 10, 30, 9, 0);
    expect(on.text).toContain(`First one: **⟦time ${seconds(nextPost)} date-time|Mon 09:00 UTC⟧**.`);
    expect((await ask('digest', {}, true)).text).toContain(`next **⟦time ${seconds(nextPost)} date-time|Mon 09:00⟧**.`);
  });

  it('reads as before once each token is its fallback', async () => {
    expect(withFallbackTimes((await ask('remind')).text ?? '')).toContain(
      'Next reminder: **Mon 09:00 Europe/Berlin**.',
    );
  });
});
