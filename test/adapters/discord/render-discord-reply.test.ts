import { describe, expect, it } from 'vitest';
import { addressed } from '../../fixtures/addressed.js';
import { renderDiscordReply } from '../../../adapters/discord/render-discord-reply.js';
import { decodeAction, resourceRef } from '../../../src/model/action-id.js';
import type { Reply } from '../../../src/model/reply.js';

const OWNER = '695549908383432716';

describe('renderDiscordReply', () => {
  it('renders a private resource card as an ephemeral embed with owner-bound buttons', () => {
    const reply: Reply = {
      visibility: 'private',
      tone: 'info',
      title: 'WebRTC Basics',
      url: 'https://webrtc.org/getting-started/overview',
      text: '**Article** · 30 min\n_Focus:_ peer connections',
      fields: [{ name: 'Where', value: 'Phase 1 · 1 of 2', inline: true }],
      buttons: [
        { label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } },
        { label: 'Skip', style: 'secondary', action: { id: 'skip', value: 'webrtc-basics' } },
      ],
      footer: '240 min left in the path',
    };

    expect(renderDiscordReply(addressed(reply, OWNER, 'webrtc'))).toEqual({
      embeds: [
        {
          color: 0x5865f2,
          title: 'WebRTC Basics',
          url: 'https://webrtc.org/getting-started/overview',
          description: '**Article** · 30 min\n_Focus:_ peer connections',
          fields: [{ name: 'Where', value: 'Phase 1 · 1 of 2', inline: true }],
          footer: { text: '240 min left in the path' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 3, label: 'Done', custom_id: `p2|webrtc|d|~jVGnxVkS|${OWNER}` },
            { type: 2, style: 2, label: 'Skip', custom_id: `p2|webrtc|s|~jVGnxVkS|${OWNER}` },
          ],
        },
      ],
      flags: 64,
      allowed_mentions: { parse: [] },
    });
  });

  it('renders a public reply without the ephemeral flag and with progress bars after the text', () => {
    const reply: Reply = {
      visibility: 'public',
      tone: 'success',
      title: 'Progress',
      text: 'Keep going!',
      progress: [
        { label: 'Phase 1 · Foundations', done: 1, total: 2, detail: '30 of 75 min' },
        { label: 'Whole path', done: 0, total: 7 },
      ],
    };

    expect(renderDiscordReply(addressed(reply, OWNER, 'webrtc'))).toEqual({
      embeds: [
        {
          color: 0x57f287,
          title: 'Progress',
          description:
            'Keep going!\n\n**Phase 1 · Foundations**\n▓▓▓▓▓░░░░░ 50% · 30 of 75 min\n**Whole path**\n░░░░░░░░░░ 0%',
        },
      ],
      components: [],
      allowed_mentions: { parse: [] },
    });
  });

  it('keeps allowed_mentions empty when the text contains @everyone and a role mention', () => {
    const rendered = renderDiscordReply(
      addressed({ visibility: 'public', text: '@everyone <@&123> <@456>' }, OWNER, 'webrtc'),
    );
    expect(rendered.allowed_mentions).toEqual({ parse: [] });
    expect(rendered.embeds[0]?.description).toBe('@everyone <@&123> <@456>');
  });

  it('leaves out a title link that is not http(s), since Discord would refuse the whole message', () => {
    const rendered = renderDiscordReply(
      addressed({ visibility: 'private', title: 'Notes', url: 'javascript:alert(1)' }, OWNER, 'webrtc'),
    );
    expect(rendered.embeds).toEqual([{ color: 0x5865f2, title: 'Notes' }]);
  });

  it('sends no embed for a reply made only of buttons', () => {
    const rendered = renderDiscordReply(
      addressed(
        {
          visibility: 'private',
          buttons: [{ label: 'Yes', style: 'danger', action: { id: 'forget-confirm', value: '' } }],
        },
        OWNER,
        'webrtc',
      ),
    );
    expect(rendered.embeds).toEqual([]);
    expect(rendered.components[0]?.components[0]).toEqual({
      type: 2,
      style: 4,
      label: 'Yes',
      custom_id: `p2|webrtc|f||${OWNER}`,
    });
  });
});

describe('renderDiscordReply within Discord limits', () => {
  const button = (index: number) => ({
    label: `B${index}`,
    style: 'primary' as const,
    action: { id: 'next', value: `r${index}` },
  });

  it('puts at most 5 buttons in a row and at most 5 rows', () => {
    const twelve = renderDiscordReply(
      addressed({ visibility: 'private', text: 'x', buttons: range(12).map(button) }, OWNER, 'webrtc'),
    );
    expect(twelve.components.map((row) => row.components.length)).toEqual([5, 5, 2]);

    const thirty = renderDiscordReply(
      addressed({ visibility: 'private', text: 'x', buttons: range(30).map(button) }, OWNER, 'webrtc'),
    );
    expect(thirty.components.map((row) => row.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(thirty.components.at(-1)?.components.at(-1)?.label).toBe('B24');
  });

  it('encodes custom ids that decode back to the owner and stay within 100 characters', () => {
    const rendered = renderDiscordReply(
      addressed({ visibility: 'private', text: 'x', buttons: [button(1)] }, OWNER, 'webrtc'),
    );
    const customId = rendered.components[0]?.components[0]?.custom_id ?? '';
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(decodeAction(customId)).toEqual({
      path: 'webrtc',
      actionId: 'next',
      value: resourceRef('r1'),
      ownerId: OWNER,
    });
  });

  it('never renders an empty message: a reply with nothing to show becomes a private note', () => {
    expect(renderDiscordReply(addressed({ visibility: 'public' }, OWNER, 'webrtc'))).toEqual({
      embeds: [{ color: 0x5865f2, description: "There's nothing to show for that." }],
      components: [],
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    expect(
      renderDiscordReply(addressed({ visibility: 'private', text: '', fields: [] }, OWNER, '')).embeds[0]?.description,
    ).toBe("There's nothing to show for that.");
  });

  it('shows 24 of 30 fields plus a count of the rest', () => {
    const fields = range(30).map((index) => ({ name: `F${index}`, value: `v${index}` }));
    const embed = renderDiscordReply(addressed({ visibility: 'private', fields }, OWNER, 'webrtc')).embeds[0];
    expect(embed?.fields).toHaveLength(25);
    expect(embed?.fields?.[23]).toEqual({ name: 'F23', value: 'v23', inline: false });
    expect(embed?.fields?.[24]).toEqual({ name: '\u200b', value: '…and 6 more', inline: false });
  });

  it('cuts title, description, field and button label to their limits with an ellipsis', () => {
    const rendered = renderDiscordReply(
      addressed(
        {
          visibility: 'private',
          title: 't'.repeat(300),
          text: 'd'.repeat(5000),
          fields: [{ name: 'n'.repeat(300), value: 'v'.repeat(2000) }],
          buttons: [{ label: 'l'.repeat(100), style: 'primary', action: { id: 'next', value: '' } }],
        },
        OWNER,
        'webrtc',
      ),
    );
    const embed = rendered.embeds[0];
    expect(embed?.title).toBe(`${'t'.repeat(255)}…`);
    expect(embed?.description).toHaveLength(4096);
    expect(embed?.description?.endsWith('d…')).toBe(true);
    expect(embed?.fields?.[0]?.name).toHaveLength(256);
    expect(embed?.fields?.[0]?.value).toHaveLength(1024);
    expect(rendered.components[0]?.components[0]?.label).toHaveLength(80);
  });

  it('keeps the whole embed within 6,000 characters, dropping trailing fields before cutting the text', () => {
    const fields = range(25).map((index) => ({ name: `F${index}`, value: 'v'.repeat(1024) }));
    const embed = renderDiscordReply(
      addressed({ visibility: 'private', title: 'T', text: 'd'.repeat(4096), fields }, OWNER, 'webrtc'),
    ).embeds[0];
    const total =
      (embed?.title?.length ?? 0) +
      (embed?.description?.length ?? 0) +
      (embed?.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(embed?.description).toHaveLength(4096);
    expect(embed?.fields?.map((field) => field.name)).toEqual(['F0']);
  });

  it('cuts the description when title, footer and text alone pass 6,000 characters', () => {
    const embed = renderDiscordReply(
      addressed(
        { visibility: 'private', title: 't'.repeat(256), text: 'd'.repeat(4096), footer: 'f'.repeat(2048) },
        OWNER,
        'webrtc',
      ),
    ).embeds[0];
    expect(embed?.title).toHaveLength(256);
    expect(embed?.footer?.text).toHaveLength(2048);
    expect(embed?.description).toHaveLength(6000 - 256 - 2048);
    expect(embed?.description?.endsWith('…')).toBe(true);
  });

  it('never splits an emoji when cutting', () => {
    const text = `${'a'.repeat(4094)}😀😀`;
    const description =
      renderDiscordReply(addressed({ visibility: 'private', text }, OWNER, 'webrtc')).embeds[0]?.description ?? '';
    expect(description).toBe(`${'a'.repeat(4094)}…`);
  });
});

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
