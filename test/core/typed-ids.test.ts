import { describe, expect, it } from 'vitest';
import { decodeBoardId, encodeBoardId, type BoardIdParts } from '../../src/model/board-id.js';
import { decodeIndexSet, encodeIndexSet, type IndexSet } from '../../src/model/index-set.js';
import { decodeLearnerId, encodeLearnerId, encodeWorkspaceId, workspaceOf } from '../../src/model/learner-id.js';
import { decodeSlotId, encodeSlotId } from '../../src/model/slot-id.js';

/** Names a platform or a curriculum may really use, with every character the encodings must survive. */
const AWKWARD = ['plain', 'a:b', 'c#d', 'e|f', 'g%h', '#week:2026-W01', 'ünïcødé 学习 🎓', 'x y', ':', '%3A'];

describe('typed ids: one encode and one decode each, round trip for any name', () => {
  it('learner ids', () => {
    for (const platform of ['discord', 'slack', 'console'] as const)
      for (const workspace of AWKWARD)
        for (const id of AWKWARD) {
          const encoded = encodeLearnerId({ platform, workspace, id });
          expect(decodeLearnerId(encoded)).toEqual({ platform, workspace, id });
          expect(workspaceOf(encoded)).toBe(encodeWorkspaceId(platform, workspace));
        }
    expect(decodeLearnerId('telegram:T1:U1')).toBeUndefined();
    expect(decodeLearnerId('slack:T1')).toBeUndefined();
    expect(decodeLearnerId('slack:T1:%E0%A4%A')).toBeUndefined();
  });

  it('board ids, all-time and weekly', () => {
    for (const workspace of AWKWARD)
      for (const channel of AWKWARD)
        for (const week of [undefined, '2026-W49']) {
          const parts: BoardIdParts = {
            platform: 'slack',
            workspace,
            channel,
            path: 'web:rtc#1',
            ...(week && { week }),
          };
          expect(decodeBoardId(encodeBoardId(parts))).toEqual(parts);
        }
    expect(decodeBoardId('slack:T1:C1:webrtc#week:next')).toBeUndefined();
    expect(decodeBoardId('slack:T1:C1')).toBeUndefined();
  });

  it('reminder slot ids', () => {
    for (const id of AWKWARD)
      for (const path of ['webrtc', 'a#b', 'c|d:e', 'ü']) {
        const learner = encodeLearnerId({ platform: 'discord', workspace: 'G#1', id });
        expect(decodeSlotId(encodeSlotId({ learner, path }))).toEqual({ learner, path });
      }
    expect(decodeSlotId('no-learner#webrtc')).toBeUndefined();
    expect(decodeSlotId('slack:T1:U1')).toBeUndefined();
  });

  it('index set names', () => {
    const sets: IndexSet[] = [
      { kind: 'reminders', minute: 29_412_345 },
      { kind: 'digests', minute: 0 },
      ...AWKWARD.map((workspace) => ({ kind: 'workspace' as const, workspace: encodeWorkspaceId('slack', workspace) })),
    ];
    for (const set of sets) expect(decodeIndexSet(encodeIndexSet(set))).toEqual(set);
    expect(decodeIndexSet('due:soon')).toBeUndefined();
    expect(decodeIndexSet('elsewhere:1')).toBeUndefined();
  });
});
