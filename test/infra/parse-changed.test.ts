import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseChanged } from '../../src/infra/parse-changed.js';
import { copyPlain } from '../../src/infra/plain-data.js';
import { learnerRecordSchema, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';

const NOW = Date.UTC(2026, 10, 24, 10);

/** A record as the store holds it: the schema's own output, with two paths, a reminder, a plan and pauses. */
function storedRecord(): LearnerRecord {
  const record = newLearnerRecord('Ana', NOW);
  record.zone = 'Europe/Berlin';
  record.boards = ['slack:T1:C1:webrtc' as LearnerRecord['boards'][number]];
  record.paths = {
    webrtc: {
      marks: {
        'webrtc-basics': { status: 'done', at: NOW - 5 },
        constructor: { status: 'skipped' as const, at: NOW - 4 },
      },
      history: [{ item: 'webrtc-basics', previous: null, at: NOW - 5 }],
      announcedPhases: [],
      reminder: {
        time: '09:00',
        zone: 'Europe/Berlin',
        enabled: true,
        nextAt: NOW + 60_000,
        ignored: 1,
        paused: false,
        snoozeAt: null,
      },
      plan: { minutesPerDay: 30, since: '2026-11-24', firstDayMinutes: 10, resources: ['a', 'b'] },
      pauses: [{ from: '2026-12-01', until: '2026-12-03' }],
      startedAt: NOW - 10,
    },
    other: { marks: {}, history: [], announcedPhases: [], startedAt: NOW },
  };
  return learnerRecordSchema.parse(record);
}

type Edit = (draft: LearnerRecord) => void;

const VALID_EDITS: Array<[string, Edit]> = [
  [
    'a new mark and history entry',
    (d) => {
      d.paths.webrtc!.marks['webrtc-vs-websockets'] = { status: 'done', at: NOW };
      d.paths.webrtc!.history.push({ item: 'webrtc-vs-websockets', previous: null, at: NOW });
      d.updatedAt = NOW + 1;
    },
  ],
  ['a mark taken back', (d) => void delete d.paths.webrtc!.marks['webrtc-basics']],
  [
    'a reminder moved, with defaults to fill',
    (d) => void (d.paths.webrtc!.reminder = { time: '10:00', zone: 'UTC', enabled: true, nextAt: null } as never),
  ],
  [
    'an optional field removed, another given as undefined',
    (d) => {
      delete d.paths.webrtc!.plan;
      d.paths.webrtc!.pauses = undefined;
      d.zone = undefined;
    },
  ],
  [
    'unknown keys, which are dropped',
    (d) => {
      Object.assign(d, { extra: 1 });
      Object.assign(d.paths.webrtc!, { extra: { deep: true } });
      Object.assign(d.paths.webrtc!.reminder!, { extra: 'x' });
    },
  ],
  [
    'a path added and one removed',
    (d) => {
      const marks = JSON.parse(`{"__proto__": {"status": "done", "at": ${NOW}}}`) as Record<string, never>;
      d.paths.third = { marks, history: [], announcedPhases: [], startedAt: NOW };
      delete d.paths.other;
    },
  ],
  [
    'a mark named __proto__ on a path that had marks',
    (d) => {
      const mark = { value: { status: 'done', at: NOW }, enumerable: true };
      Object.defineProperty(d.paths.webrtc!.marks, '__proto__', mark);
    },
  ],
  ['nothing at all', () => undefined],
];

const INVALID_EDITS: Array<[string, Edit]> = [
  [
    'a mark of an unknown status',
    (d) => void Object.assign(d.paths.webrtc!.marks, { x: { status: 'maybe', at: NOW } }),
  ],
  ['a negative time', (d) => void (d.paths.webrtc!.history[0]!.at = -1)],
  [
    'history past its limit',
    (d) => void (d.paths.webrtc!.history = Array.from({ length: 51 }, () => d.paths.webrtc!.history[0]!)),
  ],
  ['no name', (d) => void Reflect.deleteProperty(d, 'name')],
  ['a reminder time that is no time', (d) => void (d.paths.webrtc!.reminder!.time = '9am')],
  ['marks that are not an object', (d) => void Object.assign(d.paths.webrtc!, { marks: [] })],
  ['a path that is not an object', (d) => void Object.assign(d.paths, { other: 'gone' })],
  ['a board that is not text', (d) => void (d.boards as unknown[]).push(7)],
];

describe('parseChanged: the schema check of only what an edit changed', () => {
  it.each(VALID_EDITS)('gives what the full parse gives, key order included: %s', (_what, edit) => {
    const base = storedRecord();
    const next = copyPlain(base);
    edit(next);
    const full = learnerRecordSchema.parse(copyPlain(next));
    const changed = parseChanged(learnerRecordSchema, next, base);
    expect(changed).toEqual(full);
    expect(JSON.stringify(changed)).toBe(JSON.stringify(full));
  });

  it.each(INVALID_EDITS)('refuses what the full parse refuses, with its error: %s', (_what, edit) => {
    const base = storedRecord();
    const next = copyPlain(base);
    edit(next);
    const full = learnerRecordSchema.safeParse(copyPlain(next));
    expect(full.success).toBe(false);
    expect(() => parseChanged(learnerRecordSchema, next, base)).toThrow(z.ZodError);
    try {
      parseChanged(learnerRecordSchema, next, base);
    } catch (error) {
      expect((error as z.ZodError).issues).toEqual(full.error!.issues);
    }
  });

  it('shares nothing with the edited value: a later edit of it leaves the result as it was', () => {
    const base = storedRecord();
    const next = copyPlain(base);
    next.paths.webrtc!.marks['webrtc-vs-websockets'] = { status: 'done', at: NOW };
    const changed = parseChanged(learnerRecordSchema, next, base);
    next.paths.webrtc!.marks['webrtc-vs-websockets'].at = 1;
    next.paths.webrtc!.history.push({ item: 'x', previous: null, at: NOW });
    expect(changed.paths.webrtc!.marks['webrtc-vs-websockets']).toEqual({ status: 'done', at: NOW });
    expect(changed.paths.webrtc!.history).toHaveLength(1);
  });
});
