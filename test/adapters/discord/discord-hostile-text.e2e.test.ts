import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownActions } from '../../../src/actions/run-action.js';
import { callbackData } from '../../fakes/discord-payloads.js';
import type { InteractionCallback } from '../../fakes/fake-discord-requests.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { buttonPress, hope, mason, slashCommand, type Person } from './interaction-payloads.js';

/** Names every plain object inherits. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Private (a new ephemeral message, or the presser's own card updated) and saying something. */
function expectPrivateAnswer(callback: InteractionCallback): string {
  const data = callbackData(callback);
  if (callback.body.type === InteractionResponseType.ChannelMessageWithSource) expect(data.flags).toBe(64);
  else expect(callback.body.type).toBe(InteractionResponseType.UpdateMessage);
  const description = data.embeds?.[0]?.description ?? '';
  expect(description).toMatch(/\S/);
  expect(description).not.toMatch(/something went wrong/i);
  return description;
}

describe('hostile text through the real discord.js client', () => {
  let h: DiscordHarness;
  const press = (customId: string, user: Person = hope) =>
    h.send(buttonPress(h.fake.appId, { customId, botUserId: h.fake.botUserId, ephemeral: false, user }));

  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(INHERITED)(
    'a button whose action is %s gets a private "older version" answer, never an empty one',
    async (name) => {
      const description = expectPrivateAnswer(await press(`p1|webrtc|${name}||${hope.id}`));
      expect(description).toContain('That button is from an older version of this bot.');
    },
  );

  it.each(INHERITED)('a button for the path %s gets the private "expired" note', async (name) => {
    expect(expectPrivateAnswer(await press(`p1|${name}|done||${hope.id}`))).toContain('This button has expired');
  });

  it.each(knownActions())('a %s button carrying an inherited name as its resource or owner', async (kind) => {
    for (const name of INHERITED) {
      const mine = expectPrivateAnswer(await press(`p1|webrtc|${kind}|${name}|${hope.id}`));
      if (kind === 'done' || kind === 'skip') expect(mine).toMatch(/no resource called|older version/);
      expect(expectPrivateAnswer(await press(`p1|webrtc|${kind}||${name}`, mason))).toContain("This one isn't yours");
    }
  });

  it.each(INHERITED)('/webrtc remind time:%s is the usual "isn\'t a time" error', async (name) => {
    const callback = await h.send(slashCommand(h.fake.appId, { subcommand: 'remind', options: { time: name } }));
    expect(expectPrivateAnswer(callback)).toContain("isn't a time of day I can read");
  });

  it.each(INHERITED)('an option called %s (no Discord client sends one) is refused, not dropped', async (name) => {
    const options = Object.fromEntries([[name, 'x']]);
    const callback = await h.send(slashCommand(h.fake.appId, { subcommand: 'next', options }));
    expect(expectPrivateAnswer(callback)).toContain(`has no option "${name.replace(/_/g, '')}"`);
  });

  it('an argument past max_length (from a client that does not enforce it) is still refused by the core', async () => {
    const callback = await h.send(
      slashCommand(h.fake.appId, { subcommand: 'done', options: { resource: 'x'.repeat(5000) } }),
    );
    expect(expectPrivateAnswer(callback)).toContain('That resource is 5000 characters long; I accept at most 100.');
  });

  it('a nickname or global name with a right-to-left override shows plainly on the public leaderboard', async () => {
    const reversed: Person = { id: '700000000000000001', username: 'rev', nick: '\u202Eepoh\u200B' };
    const isolated: Person = { id: '700000000000000002', username: 'iso', globalName: 'Ma\u2066son\u2069\uFEFF' };
    await h.send(slashCommand(h.fake.appId, { subcommand: 'done', user: reversed }));
    await h.send(slashCommand(h.fake.appId, { subcommand: 'done', user: reversed }));
    await h.send(slashCommand(h.fake.appId, { subcommand: 'done', user: isolated }));
    const board = await h.send(slashCommand(h.fake.appId, { subcommand: 'leaderboard', user: reversed }));
    expect(board.body.type).toBe(4);
    expect(callbackData(board).flags).toBeUndefined();
    expect(callbackData(board).embeds?.[0]?.description).toBe(
      '🥇 epoh — 2 resources, 55 min ← you\n🥈 Mason — 1 resource, 30 min',
    );
  });
});
