import { encodeLearnerId } from '../../src/model/learner-id.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { learnerRecordSchema, pathStateSchema, reminderSchema } from '../../src/model/learner.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { learner, run } from '../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
beforeEach(async () => {
  t = await createTestBot(); // Tue 24 Nov 2026 10:00 UTC
  t.bot.registerMessenger(createRecordingMessenger(() => t.clock.now()).messenger);
});

/** The part of the export a test reads by name; the rest it compares whole. */
interface ExportedData {
  paths: Record<string, { reminder: unknown } | undefined>;
}

const exported = async () => {
  const reply = await run(t.bot, ana, 'export');
  const json = /```json\n([\s\S]*)\n```/.exec(reply.text!)?.[1];
  return { reply, data: JSON.parse(json!) as ExportedData };
};

describe('export', () => {
  it("shows everything stored, with ISO times in the learner's zone and items by title and id", async () => {
    await run(t.bot, ana, 'remind', { time: '9am', zone: 'Europe/Berlin' });
    t.clock.advance(60_000);
    await run(t.bot, ana, 'done');
    await run(t.bot, ana, 'skip', { resource: 'webrtc-vs-websockets' });
    await run(t.bot, ana, 'leaderboard', { scope: 'hide' });
    await t.store.learners.update(encodeLearnerId(ana), (current) => ({
      next: { ...current!, undeliverable: { reason: 'DMs closed', at: Date.UTC(2026, 10, 24, 12), told: false } },
      result: undefined,
    }));
    const { reply, data } = await exported();
    expect(reply.text).toContain(
      '\n\nEverything this bot stores about you (times in Europe/Berlin):\n```json\n{\n  "you": {"platform": "console", "workspace": "test", "userId": "ana", "name": "Ana"},\n',
    );
    expect(reply.text!.split('\n').at(-1)).toBe(
      "Also kept, worked out from this: your rows on those leaderboards (name, resources, minutes); your reminder's place in the schedule and, for 9 days, which reminders went out (so none comes twice).",
    );
    expect(data).toEqual({
      you: { platform: 'console', workspace: 'test', userId: 'ana', name: 'Ana' },
      timeZone: 'Europe/Berlin',
      firstSeen: '2026-11-24T11:00:00+01:00',
      lastChanged: '2026-11-24T11:01:00+01:00',
      hiddenFromLeaderboards: true,
      leaderboards: [
        { channel: 'C-general', path: 'webrtc' },
        { channel: 'C-general', path: 'webrtc', week: '2026-W48' },
      ],
      directMessageChannel: 'dm',
      cannotMessageYou: { reason: 'DMs closed', since: '2026-11-24T13:00:00+01:00', toldYou: true },
      unreadableProgressSetAside: null,
      paths: {
        webrtc: {
          started: '2026-11-24T11:00:00+01:00',
          marks: {
            'WebRTC Basics (webrtc-basics)': { status: 'done', at: '2026-11-24T11:01:00+01:00' },
            'WebRTC vs WebSockets (webrtc-vs-websockets)': { status: 'skipped', at: '2026-11-24T11:01:00+01:00' },
          },
          undoHistory: [
            {
              item: 'WebRTC Basics (webrtc-basics)',
              at: '2026-11-24T11:01:00+01:00',
              before: { status: 'not started' },
            },
            {
              item: 'WebRTC vs WebSockets (webrtc-vs-websockets)',
              at: '2026-11-24T11:01:00+01:00',
              before: { status: 'not started' },
            },
          ],
          phasesAnnounced: [],
          reminder: {
            dailyAt: '09:00',
            timeZone: 'Europe/Berlin',
            on: true,
            next: '2026-11-25T09:00:00+01:00',
            unansweredInARow: 0,
            paused: false,
            snoozedUntil: null,
            days: 'every day',
            streakNudge: { on: true, at: '21:00', next: '2026-11-24T21:00:00+01:00' },
          },
          plan: null,
          pauses: [],
        },
      },
      storedAs: { formatVersion: 1, revision: 6 },
    });
  });

  it('leaves no stored field out: a new field in the record must be added to the export', () => {
    expect(Object.keys(learnerRecordSchema.shape).sort()).toEqual([
      'boards',
      'createdAt',
      'dmAddress',
      'hidden',
      'name',
      'paths',
      'rev',
      'setAside',
      'undeliverable',
      'updatedAt',
      'v',
      'zone',
    ]);
    expect(Object.keys(pathStateSchema.shape).sort()).toEqual([
      'announcedPhases',
      'history',
      'marks',
      'pauses',
      'plan',
      'reminder',
      'startedAt',
    ]);
    expect(Object.keys(reminderSchema.shape).sort()).toEqual([
      'days',
      'enabled',
      'ignored',
      'nextAt',
      'nudge',
      'nudgeAt',
      'paused',
      'snoozeAt',
      'time',
      'zone',
    ]);
  });

  it('names times in UTC with Z when the learner chose no zone, and is valid JSON', async () => {
    await run(t.bot, ana, 'done');
    const { reply, data } = await exported();
    expect(reply.text!.split('\n')[0]).toBe('Everything this bot stores about you (times in UTC):');
    expect(data).toMatchObject({
      timeZone: null,
      firstSeen: '2026-11-24T10:00:00Z',
      directMessageChannel: null,
      cannotMessageYou: null,
    });
    expect(data.paths.webrtc?.reminder).toBeNull();
  });
});
