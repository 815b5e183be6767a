import { describe, expect, it } from 'vitest';
import { addressed } from '../../fixtures/addressed.js';
import { renderSlackReply } from '../../../adapters/slack/render-slack-reply.js';
import { MAX_BUTTON_TEXT, MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT } from '../../../adapters/slack/slack-limits.js';
import type { Reply } from '../../../src/model/reply.js';

describe('renderSlackReply', () => {
  it('renders a resource with a linked title, Markdown text, fields, buttons and a footer', () => {
    const reply: Reply = {
      visibility: 'private',
      tone: 'info',
      title: 'WebRTC Basics',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API?a=1&b=2',
      text: '**Focus:** peer connections & _signaling_\n- read `RTCPeerConnection`\n- see [the guide](https://webrtc.org/getting-started/overview)',
      fields: [
        { name: 'Type', value: 'Article', inline: true },
        { name: 'Duration', value: '30 min', inline: true },
      ],
      buttons: [
        { label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } },
        { label: 'Skip', style: 'secondary', action: { id: 'skip', value: 'webrtc-basics' } },
      ],
      footer: 'Phase 1 · 1 of 3 · 240 min left',
    };

    expect(renderSlackReply(addressed(reply, 'U123', 'webrtc'))).toEqual({
      text: 'WebRTC Basics\nFocus: peer connections &amp; signaling\n• read RTCPeerConnection\n• see the guide (https://webrtc.org/getting-started/overview)',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*<https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API?a=1&amp;b=2|WebRTC Basics>*',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Focus:* peer connections &amp; _signaling_\n• read `RTCPeerConnection`\n• see <https://webrtc.org/getting-started/overview|the guide>',
          },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Type*\nArticle' },
            { type: 'mrkdwn', text: '*Duration*\n30 min' },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Done', emoji: true },
              action_id: 'p2|webrtc|d|~jVGnxVkS|U123',
              value: 'webrtc-basics',
              style: 'primary',
            },
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Skip', emoji: true },
              action_id: 'p2|webrtc|s|~jVGnxVkS|U123',
              value: 'webrtc-basics',
            },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Phase 1 · 1 of 3 · 240 min left' }] },
      ],
    });
  });

  it('draws progress lines as text bars and marks the tone', () => {
    const reply: Reply = {
      visibility: 'private',
      tone: 'success',
      title: 'Your progress',
      progress: [
        { label: 'Phase 1', done: 2, total: 5, detail: '55 of 240 min' },
        { label: 'Phase 2', done: 0, total: 3 },
      ],
    };
    expect(renderSlackReply(addressed(reply, 'U1', 'webrtc'))).toEqual({
      text: 'Your progress',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: ':white_check_mark: Your progress', emoji: true } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Phase 1*\n`▓▓▓▓░░░░░░ 40%`  55 of 240 min\n*Phase 2*\n`░░░░░░░░░░ 0%`' },
        },
      ],
    });
  });

  it('escapes user text so a leaderboard can neither link nor notify anyone', () => {
    const reply: Reply = {
      visibility: 'public',
      title: 'Leaderboard <#general>',
      text: '1. <!channel> & friends — 3 done\n2. @here Bob — 2 done\n3. <@U999> @everyone — 1 done',
      fields: [{ name: '<!here>', value: '<https://evil.example|click>', inline: true }],
    };
    const { text, blocks } = renderSlackReply(addressed(reply, 'U1', 'webrtc'));
    // The title is a header: plain text, which Slack never turns into a link or a mention.
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Leaderboard <#general>', emoji: true },
    });
    const everything = JSON.stringify({ text, blocks: blocks.slice(1) });
    expect(everything).not.toMatch(/<!|<@|<#|<https/);
    expect(everything).not.toMatch(/@(channel|here|everyone)/);
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '1. &lt;!channel&gt; &amp; friends — 3 done\n2. @\u200Bhere Bob — 2 done\n3. &lt;@U999&gt; @\u200Beveryone — 1 done',
      },
    });
  });

  it('groups consecutive inline fields in columns and gives a wide field its own section', () => {
    const reply: Reply = {
      visibility: 'private',
      fields: [
        { name: 'Where', value: 'Phase 1 · 1 of 2', inline: true },
        { name: 'Duration', value: '30 min', inline: true },
        { name: 'Daily reminder', value: 'Off — `/webrtc remind 09:00 Europe/Berlin` turns it on' },
        { name: 'Streak', value: '2 days', inline: true },
      ],
    };
    expect(renderSlackReply(addressed(reply, 'U1', 'webrtc')).blocks).toEqual([
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Where*\nPhase 1 · 1 of 2' },
          { type: 'mrkdwn', text: '*Duration*\n30 min' },
        ],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Daily reminder*\nOff — `/webrtc remind 09:00 Europe/Berlin` turns it on' },
      },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Streak*\n2 days' }] },
    ]);
  });

  it('gives a non-empty fallback even for a reply with only buttons', () => {
    const reply: Reply = {
      visibility: 'private',
      buttons: [{ label: 'Yes, forget me', style: 'danger', action: { id: 'forget-confirm', value: '' } }],
    };
    expect(renderSlackReply(addressed(reply, 'U1', 'webrtc'))).toEqual({
      text: 'Yes, forget me',
      blocks: [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Yes, forget me', emoji: true },
              action_id: 'p2|webrtc|f||U1',
              value: 'forget-confirm',
              style: 'danger',
            },
          ],
        },
      ],
    });
  });

  it('stays within Slack limits for an oversized reply and keeps the buttons', () => {
    const longLine = 'x'.repeat(4500);
    const reply: Reply = {
      visibility: 'private',
      title: 'Big',
      text: [longLine, ...Array.from({ length: 1000 }, (_, i) => `- line ${i} ${'y'.repeat(200)}`)].join('\n'),
      fields: Array.from({ length: 35 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(2500), inline: i % 7 !== 0 })),
      buttons: Array.from({ length: 30 }, (_, i) => ({
        label: `Button ${i} ${'z'.repeat(100)}`,
        style: 'primary' as const,
        action: { id: 'done', value: `r${i}` },
      })),
      footer: 'end',
    };
    const { text, blocks } = renderSlackReply(addressed(reply, 'U1', 'webrtc'));
    expect(blocks.length).toBe(MAX_MESSAGE_BLOCKS);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    for (const block of blocks) {
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(MAX_SECTION_TEXT);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
      }
      if (block.type === 'actions') {
        expect(block.elements.length).toBeLessThanOrEqual(25);
        for (const element of block.elements) {
          if (element.type === 'button') expect(element.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
        }
      }
    }
    const actions = blocks.filter((block) => block.type === 'actions');
    expect(actions.flatMap((block) => (block.type === 'actions' ? block.elements : []))).toHaveLength(30);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'end' }] });
    expect(blocks.at(-4)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_(shortened to fit Slack)_' }],
    });
  });
});

describe('renderSlackReply with nested Markdown', () => {
  it('renders a link or code inside emphasis', () => {
    const reply: Reply = { visibility: 'private', text: '**[MDN](https://developer.mozilla.org/)** and _see `next`_' };
    expect(renderSlackReply(addressed(reply, 'U1', 'webrtc'))).toEqual({
      text: 'MDN (https://developer.mozilla.org/) and see next',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*<https://developer.mozilla.org/|MDN>* and _see `next`_' } },
      ],
    });
  });
});

describe('renderSlackReply with preformatted blocks', () => {
  it('keeps a fenced block verbatim (escaped only) and drops the fences from the fallback', () => {
    const reply: Reply = { visibility: 'private', text: 'Your data:\n```json\n{"name": "**a_b_c** <x>"}\n```' };
    expect(renderSlackReply(addressed(reply, 'U1', 'webrtc'))).toEqual({
      text: 'Your data:\n{"name": "**a_b_c** &lt;x&gt;"}',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Your data:\n```\n{"name": "**a_b_c** &lt;x&gt;"}\n```' } },
      ],
    });
  });

  it('closes and reopens a long fenced block across sections', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `"key${i}": "${'v'.repeat(20)}"`);
    const reply: Reply = { visibility: 'private', text: ['```', ...lines, '```'].join('\n') };
    const texts = renderSlackReply(addressed(reply, 'U1', 'webrtc')).blocks.map((block) =>
      block.type === 'section' ? (block.text?.text ?? '') : '',
    );
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
      expect(text.startsWith('```\n')).toBe(true);
      expect(text.endsWith('\n```')).toBe(true);
    }
  });
});
