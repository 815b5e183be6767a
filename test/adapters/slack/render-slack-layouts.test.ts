import { describe, expect, it } from 'vitest';
import { renderSlackReply } from '../../../adapters/slack/render-slack-reply.js';
import { MAX_HEADER_TEXT, MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT } from '../../../adapters/slack/slack-limits.js';
import { timeToken } from '../../../src/model/time-token.js';
import type { Reply } from '../../../src/model/reply.js';
import { addressed } from '../../fixtures/addressed.js';

/** Wed 25 Nov 2026 09:00 UTC (10:00 in Berlin). */
const AT = Date.UTC(2026, 10, 25, 9, 0);
const SECONDS = AT / 1000;

describe('Slack layouts: headers, dividers, confirm dialogs', () => {
  it('a title without a link is a header block with the tone as an emoji code', () => {
    const reply: Reply = { visibility: 'private', tone: 'success', title: 'Reminder set', text: 'At 09:00.' };
    expect(renderSlackReply(addressed(reply))).toEqual({
      text: 'Reminder set\nAt 09:00.',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: ':white_check_mark: Reminder set', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'At 09:00.' } },
      ],
    });
  });

  it(`a header is cut to ${MAX_HEADER_TEXT} characters`, () => {
    const { blocks } = renderSlackReply(addressed({ visibility: 'private', title: 'T'.repeat(400) }));
    expect(blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: `${'T'.repeat(MAX_HEADER_TEXT - 1)}…`, emoji: true } },
    ]);
  });

  it('sections that head a part (the phases of progress) are set apart by dividers, inline fields are not', () => {
    const reply: Reply = {
      visibility: 'private',
      fields: [
        { name: 'Phase 1: Foundations', value: '✅ WebRTC Basics' },
        { name: 'Phase 2: Core Concepts', value: '⬜ Media Streams' },
        { name: 'Streak', value: '3 days', inline: true },
        { name: 'Best', value: '5 days', inline: true },
      ],
    };
    expect(renderSlackReply(addressed(reply)).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Phase 1: Foundations*\n✅ WebRTC Basics' } },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '*Phase 2: Core Concepts*\n⬜ Media Streams' } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Streak*\n3 days' },
          { type: 'mrkdwn', text: '*Best*\n5 days' },
        ],
      },
    ]);
  });

  it('a destructive button asks first: a danger confirm dialog, and the button is red', () => {
    const reply: Reply = {
      visibility: 'private',
      buttons: [
        {
          label: 'Delete everything',
          style: 'danger',
          action: { id: 'forget-confirm', value: '' },
          confirm: { title: 'Delete everything?', text: 'Gone for good.', confirm: 'Delete', deny: 'Keep my data' },
        },
      ],
    };
    expect(renderSlackReply(addressed(reply, 'U1')).blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Delete everything', emoji: true },
            action_id: 'p2|webrtc|f||U1',
            value: 'forget-confirm',
            style: 'danger',
            confirm: {
              title: { type: 'plain_text', text: 'Delete everything?' },
              text: { type: 'plain_text', text: 'Gone for good.' },
              confirm: { type: 'plain_text', text: 'Delete' },
              deny: { type: 'plain_text', text: 'Keep my data' },
              style: 'danger',
            },
          },
        ],
      },
    ]);
  });

  it(`many phases with their dividers still fit in ${MAX_MESSAGE_BLOCKS} blocks, keeping the buttons`, () => {
    const reply: Reply = {
      visibility: 'private',
      title: 'Your progress',
      fields: Array.from({ length: 40 }, (_, index) => ({ name: `Phase ${index + 1}`, value: '⬜ A resource' })),
      buttons: [{ label: 'Next', style: 'primary', action: { id: 'next', value: '' } }],
    };
    const { blocks } = renderSlackReply(addressed(reply));
    expect(blocks).toHaveLength(MAX_MESSAGE_BLOCKS);
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_(shortened to fit Slack)_' }],
    });
    expect(blocks.at(-1)?.type).toBe('actions');
  });
});

describe('Slack date formatting: each reader sees their own zone, the learner-zone text as fallback', () => {
  const shown = (text: string, title?: string) =>
    renderSlackReply(addressed({ visibility: 'private', text, ...(title ? { title } : {}) }));

  it('a date and time, a time and a date, exactly', () => {
    const text = [
      `Next: **${timeToken(AT, 'date-time', 'Wed 10:00 Europe/Berlin')}**`,
      `Done at ${timeToken(AT, 'time', '10:00')}`,
      `Back on ${timeToken(AT, 'date', 'Wed 25 Nov')}`,
    ].join('\n');
    expect(shown(text)).toEqual({
      text: 'Next: Wed 10:00 Europe/Berlin\nDone at 10:00\nBack on Wed 25 Nov',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              `Next: *<!date^${SECONDS}^{date_short_pretty} at {time}|Wed 10:00 Europe/Berlin>*`,
              `Done at <!date^${SECONDS}^{time}|10:00>`,
              `Back on <!date^${SECONDS}^{date_short_pretty}|Wed 25 Nov>`,
            ].join('\n'),
          },
        },
      ],
    });
  });

  it('a header cannot format dates: it reads the fallback', () => {
    expect(shown('', `Paused until ${timeToken(AT, 'date', 'Wed 25 Nov')}`).blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Paused until Wed 25 Nov', emoji: true } },
    ]);
  });

  it('a fallback can close neither the date nor its own text early', () => {
    const text = `At ${timeToken(AT, 'time', 'a|b>c & d')}`;
    expect(shown(text).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: `At <!date^${SECONDS}^{time}|a b&gt;c &amp; d>` } },
    ]);
  });

  it('cutting a long field never leaves half a date behind', () => {
    const date = timeToken(AT, 'date', 'Wed 25 Nov');
    const value = `${'x'.repeat(MAX_SECTION_TEXT - 30)} ${date} ${date}`;
    const { blocks } = renderSlackReply(addressed({ visibility: 'private', fields: [{ name: 'Plan', value }] }));
    const section = blocks[0];
    const cut = section?.type === 'section' ? (section.text?.text ?? '') : '';
    expect(cut.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut).not.toContain('<!date');
  });
});
