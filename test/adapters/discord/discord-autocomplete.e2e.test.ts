import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { autocomplete, hope } from './interaction-payloads.js';

describe('autocomplete over the Discord gateway', () => {
  let h: DiscordHarness;
  const suggest = (subcommand: string, option: string, typed: string) =>
    h.send(autocomplete(h.fake.appId, { subcommand, option, typed }));

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('suggests resource names for done, submitting their ids', async () => {
    const callback = await suggest('done', 'resource', 'sig');
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: '2.2 Signaling and STUN/TURN (40 min)', value: 'signaling-and-stun-turn' }] },
    });
    expect(h.seen.queries).toEqual([
      {
        path: 'webrtc',
        command: 'done',
        option: 'resource',
        partial: 'sig',
        user: { platform: 'discord', workspace: '556525343595298817', id: hope.id, displayName: 'Hope' },
      },
    ]);
  });

  it('suggests time zones for remind, at most 25', async () => {
    const berlin = await suggest('remind', 'zone', 'Europe/Berl');
    expect(autocompleteChoices(berlin)).toEqual([{ name: 'Europe/Berlin', value: 'Europe/Berlin' }]);

    const anything = await suggest('remind', 'zone', '');
    expect(anything.body.type).toBe(8);
    expect(autocompleteChoices(anything)).toHaveLength(25);
  });

  it('suggests days for remind, first days back for pause, goals with where they lead for plan, and snoozes', async () => {
    // Tue 24 Nov 2026, 10:00 UTC; the learner has no zone yet, so the community's (UTC).
    expect(autocompleteChoices(await suggest('remind', 'days', 'mon,w'))).toEqual([
      { name: 'mon,wed,fri — Mon, Wed, Fri', value: 'mon,wed,fri' },
      { name: 'mon,wed — Mon, Wed', value: 'mon,wed' },
    ]);
    expect(autocompleteChoices(await suggest('remind', 'days', ''))).toEqual([
      { name: 'daily — Every day', value: 'daily' },
      { name: 'weekdays — Weekdays', value: 'weekdays' },
      { name: 'weekends — Weekends', value: 'weekends' },
      { name: 'mon,wed,fri — Mon, Wed, Fri', value: 'mon,wed,fri' },
      { name: 'tue,thu — Tue, Thu', value: 'tue,thu' },
      ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
        name: `${day} — ${day.charAt(0).toUpperCase()}${day.slice(1)}`,
        value: day,
      })),
    ]);
    expect(autocompleteChoices(await suggest('pause', 'until', ''))).toEqual([
      { name: '3 days — back on Fri 27 Nov', value: '3d' },
      { name: '1 week — back on Tue 1 Dec', value: '1w' },
      { name: '2 weeks — back on Tue 8 Dec', value: '2w' },
      { name: '3 weeks — back on Tue 15 Dec', value: '3w' },
    ]);
    expect(autocompleteChoices(await suggest('pause', 'until', '28 dec'))).toEqual([
      { name: '28 dec — back on Mon 28 Dec', value: '28 dec' },
    ]);
    expect(autocompleteChoices(await suggest('plan', 'goal', ''))).toEqual([
      { name: '15 min a study day — finished on Wed 9 Dec', value: '15 min' },
      { name: '20 min a study day — finished on Sat 5 Dec', value: '20 min' },
      { name: '30 min a study day — finished on Tue 1 Dec', value: '30 min' },
      { name: '45 min a study day — finished on Sun 29 Nov', value: '45 min' },
      { name: '60 min a study day — finished on Fri 27 Nov', value: '60 min' },
    ]);
    expect(autocompleteChoices(await suggest('plan', 'goal', 'by 2026-12-31'))).toEqual([
      { name: 'by Thu 31 Dec — 10 min every day', value: 'by 2026-12-31' },
    ]);
    // With no reminder there is no time to show beside a snooze.
    expect(autocompleteChoices(await suggest('snooze', 'until', 'hour'))).toEqual([
      { name: '1 hour', value: '1 hour' },
      { name: '3 hours', value: '3 hours' },
    ]);
  });

  it('answers with no suggestions rather than miss the deadline when the core is slow', async () => {
    await h.close();
    h = await startDiscordHarness({ slowCoreMs: 2000, autocompleteDeadlineMs: 50 });
    const callback = await suggest('done', 'resource', 'sig');
    // Empty, not the core's matches for "sig": it answered at its deadline instead of waiting for the core.
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
