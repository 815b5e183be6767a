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

  it('answers with no suggestions rather than miss the deadline when the core is slow', async () => {
    await h.close();
    h = await startDiscordHarness({ slowCoreMs: 2000, autocompleteDeadlineMs: 50 });
    const callback = await suggest('done', 'resource', 'sig');
    // Empty, not the core's matches for "sig": it answered at its deadline instead of waiting for the core.
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
