import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run, consoleBoard } from '../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;

/** Everything stored that a user could notice: the record, the board, the reminder slot. */
async function snapshot() {
  const record = await t.store.learners.get(encodeLearnerId(ana));
  const nextAt = record?.paths.webrtc?.reminder?.nextAt;
  return JSON.stringify({
    record,
    board: await t.store.boards.top(consoleBoard('C-general', 'webrtc'), 10),
    slot: nextAt ? await t.store.learners.due(Math.floor(nextAt / 60_000)) : [],
  });
}

beforeEach(async () => {
  t = await createTestBot();
  await run(t.bot, ana, 'done');
  await run(t.bot, ana, 'remind', { time: '08:15', zone: 'Europe/Berlin' });
});

const CASES: [string, string, Record<string, string>, RegExp][] = [
  ['an unknown subcommand', 'dne', {}, /`dne` isn't a WebRTC command\.\nDid you mean `\/webrtc done`\?/],
  ['a wrongly cased unknown subcommand', 'PROGRES', {}, /Did you mean `\/webrtc progress`\?/],
  [
    'an unknown resource',
    'done',
    { resource: 'quantum entanglement' },
    /There's no resource called "quantum entanglement"/,
  ],
  ['a resource matching several', 'done', { resource: 'webrtc' }, /matches \d+ things/],
  [
    'an hour past 23',
    'remind',
    { time: '25:00' },
    /"25:00" isn't a time of day I can read\.\nUse 24-hour HH:MM between 00:00 and 23:59/,
  ],
  ['minutes past 59', 'remind', { time: '09:60' }, /isn't a time of day/],
  ['13pm', 'remind', { time: '13pm' }, /isn't a time of day/],
  ['a made-up zone', 'remind', { time: '09:00', zone: 'Mars/Olympus' }, /I don't know the time zone "Mars\/Olympus"/],
  [
    'an abbreviation',
    'remind',
    { time: '9am', zone: 'PST' },
    /"PST" is an abbreviation.*\nUse a zone name instead, for example `America\/Los_Angeles`/,
  ],
  ['a fixed offset', 'remind', { time: '9am', zone: 'UTC+2' }, /fixed offset/],
  [
    '5,000 characters',
    'done',
    { resource: 'x'.repeat(5000) },
    /That resource is 5000 characters long; I accept at most 100\./,
  ],
  ['5,000 characters as a zone', 'remind', { time: '09:00', zone: 'Europe/'.repeat(700) }, /characters long/],
  ['@everyone as a resource', 'done', { resource: '@everyone' }, /There's no resource called "@\u2060everyone"/],
  ['@here as a zone', 'remind', { time: '09:00', zone: '@here' }, /I don't know the time zone "@\u2060here"/],
  [
    'an unknown leaderboard scope',
    'leaderboard',
    { scope: 'yesterday' },
    /"yesterday" isn't one of `all`, `week`, `hide`, `show`/,
  ],
  ['an option that does not exist', 'next', { resource: 'webrtc-basics' }, /has no option "resource"/],
  [
    'plan by yesterday',
    'plan',
    { goal: 'by yesterday' },
    /^Mon 23 Nov has already passed\.\nChoose a finish date from today on, like `\/webrtc plan by 2027-01-15`\.$/,
  ],
  [
    'plan by 2026-02-30',
    'plan',
    { goal: 'by 2026-02-30' },
    /^2026-02-30 isn't a date: Feb 2026 has 28 days\.\nUse YYYY-MM-DD, like 2026-12-22\.$/,
  ],
  ['plan 0 min', 'plan', { goal: '0 min' }, /^0 min a study day is too little to plan with\.\nChoose 5 to 180 minutes/],
  ['plan 4 hours', 'plan', { goal: '4 hours' }, /^240 min a study day is more than 3 hours/],
  ['plan by a word', 'plan', { goal: 'soonish' }, /^"soonish" isn't a plan I can read\./],
  ['pause until never', 'pause', { until: 'until never' }, /^"never" isn't a date I can read\.\nUse YYYY-MM-DD/],
  [
    'pause until today',
    'pause',
    { until: 'today' },
    /^That is today: a pause needs your first day back, after today\./,
  ],
  ['pause for two years', 'pause', { until: '104w' }, /^A pause can last up to a year/],
  [
    'remind 9am mon,funday',
    'remind',
    { time: '9am', days: 'mon,funday' },
    /^"funday" isn't a day of the week I know\.\nName days like `mon,wed,fri`/,
  ],
  ['remind nudge at 25:00', 'remind', { nudge: '25:00' }, /^"25:00" isn't a time of day I can read/],
  ['snooze for a week', 'snooze', { until: 'a week' }, /^"a week" isn't a snooze I offer\./],
];

describe('bad input gets a clear private error and changes nothing', () => {
  it.each(CASES)('%s', async (_name, command, args, message) => {
    const before = await snapshot();
    const reply = await run(t.bot, ana, command, args);
    expect(reply.visibility).toBe('private');
    expect(reply.tone).toBe('error');
    expect(reply.text).toMatch(message);
    expect(reply.text).not.toMatch(/@everyone|@here/);
    expect(await snapshot()).toBe(before);
  });

  it('empty input and blank options fall back to help and to the current resource', async () => {
    expect((await run(t.bot, ana, '')).title).toMatch(/^WebRTC learning path/);
    const done = await run(t.bot, ana, 'done', { resource: '   ' });
    expect(done.title).toBe('Marked done: WebRTC vs WebSockets');
  });

  it('accepts what people really type: wrong case, 9am, a city, a Linked zone', async () => {
    expect((await run(t.bot, ana, 'NEXT')).title).toBe('WebRTC vs WebSockets');
    expect((await run(t.bot, ana, 'done', { resource: 'WEBRTC VS WEBSOCKETS' })).title).toBe(
      'Marked done: WebRTC vs WebSockets',
    );
    expect((await run(t.bot, ana, 'remind', { time: '9am', zone: 'europe/berlin' })).text).toContain(
      '**09:00 Europe/Berlin**',
    );
    expect((await run(t.bot, ana, 'remind', { time: '9:30 pm', zone: 'Tokyo' })).text).toContain(
      '**21:30 Asia/Tokyo**',
    );
    expect((await run(t.bot, ana, 'remind', { time: 'noon', zone: 'UTC' })).text).toContain('**12:00 UTC**');
    expect((await run(t.bot, ana, 'remind', { time: '0730' })).text).toContain('**07:30 UTC**');
  });
});
