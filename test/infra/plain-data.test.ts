import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyPlain, samePlain } from '../../src/infra/plain-data.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';

const AT = Date.UTC(2026, 10, 24, 10);

function storedRecord(): LearnerRecord {
  const record = newLearnerRecord('Ana: #1 | ünïcode', AT);
  record.paths.webrtc = {
    ...emptyPathState(AT),
    marks: { basics: { status: 'done', at: AT + 1 } },
    history: [{ item: 'basics', previous: null, at: AT + 1 }],
    reminder: { time: '09:00', zone: 'UTC', enabled: true, nextAt: null, ignored: 0, paused: false, snoozeAt: null },
  };
  record.boards = ['console:local:general:webrtc' as LearnerRecord['boards'][number]];
  record.zone = undefined; // an own property left undefined, as an edit may leave one
  return record;
}

describe('plain data (records as JSON holds them)', () => {
  it('copies deeply, as structuredClone does, and the copy is the caller’s own', () => {
    const record = storedRecord();
    const copy = copyPlain(record);
    expect(isDeepStrictEqual(copy, structuredClone(record))).toBe(true);
    expect(Object.hasOwn(copy, 'zone')).toBe(true);
    copy.paths.webrtc!.marks.basics!.status = 'skipped';
    copy.boards.push('another' as LearnerRecord['boards'][number]);
    expect(record.paths.webrtc!.marks.basics!.status).toBe('done');
    expect(record.boards).toHaveLength(1);
  });

  it('keeps an own "__proto__" key a property, and leaves prototypes alone', () => {
    const parsed = JSON.parse('{"marks":{"__proto__":{"status":"done","at":1}}}') as { marks: object };
    const copy = copyPlain(parsed);
    expect(Object.getPrototypeOf(copy.marks)).toBe(Object.prototype);
    expect(Object.keys(copy.marks)).toEqual(['__proto__']);
    expect(isDeepStrictEqual(copy, structuredClone(parsed))).toBe(true);
  });

  it('compares as isDeepStrictEqual does', () => {
    const record = storedRecord();
    const cases: Array<[unknown, unknown]> = [
      [record, copyPlain(record)],
      [record, { ...copyPlain(record), rev: 1 }],
      [{ a: undefined }, {}],
      [{ a: 1 }, { b: 1 }],
      [
        [1, 2],
        [1, 2, 3],
      ],
      [[], {}],
      [{ a: [1, { b: null }] }, { a: [1, { b: null }] }],
      [{ a: [1, { b: null }] }, { a: [1, { b: 0 }] }],
      [0, -0],
      [Number.NaN, Number.NaN],
      [null, {}],
      ['1', 1],
    ];
    for (const [a, b] of cases) {
      expect(samePlain(a, b), JSON.stringify([a, b])).toBe(isDeepStrictEqual(a, b));
      expect(samePlain(b, a), JSON.stringify([b, a])).toBe(isDeepStrictEqual(b, a));
    }
  });
});
