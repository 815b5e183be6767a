import type { types } from '@slack/bolt';
import { progressBar } from '../../src/model/progress-bar.js';
import type {
  AddressedButton,
  AddressedReply,
  ConfirmDialog,
  ProgressLine,
  ReplyField,
  Tone,
} from '../../src/model/reply.js';
import { withFallbackTimes } from '../../src/model/time-token.js';
import {
  MAX_CONFIRM_TEXT,
  MAX_CONFIRM_TITLE,
  MAX_HEADER_TEXT,
  MAX_ACTIONS_ELEMENTS,
  MAX_BUTTON_TEXT,
  MAX_FALLBACK_TEXT,
  MAX_FIELD_TEXT,
  MAX_MESSAGE_BLOCKS,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
} from './slack-limits.js';
import { slackTimes } from './slack-times.js';
import { chunkLines, truncate, truncateMrkdwn } from './fit-slack-text.js';
import { escapeSlackText, escapeUrl, toMrkdwn as markdownToMrkdwn, toPlainText } from './to-mrkdwn.js';

export type KnownBlock = types.KnownBlock;
type Section = types.SectionBlock;
type ButtonElement = types.Button;
type Confirm = types.ConfirmationDialog;

/** Markdown subset -> mrkdwn, with each time shown in the reader's own zone (slack-times.ts). */
const toMrkdwn = (markdown: string): string => slackTimes(markdownToMrkdwn(markdown));

/** A Slack message: Block Kit plus the plain text Slack shows in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Header blocks are plain text: the emoji codes still show (emoji: true). */
const TONE_ICON: Record<Tone, string> = {
  info: '',
  success: ':white_check_mark: ',
  warning: ':warning: ',
  error: ':x: ',
};
const SHORTENED_NOTE = '_(shortened to fit Slack)_';

/**
 * Renders a core Reply as Block Kit within Slack's limits. Pure: every button already carries its whole action.
 * A title is a header block (a title with a link stays a linked section: headers cannot link); phases in fields
 * are set apart by dividers; times show in each reader's own zone, with the learner's as the fallback.
 */
export function renderSlackReply(reply: AddressedReply): SlackMessage {
  const content = [
    ...titleBlocks(reply),
    ...textBlocks(reply.text),
    ...fieldBlocks(reply.fields),
    ...progressBlocks(reply.progress),
  ];
  const tail = [...actionBlocks(reply.buttons), ...footerBlocks(reply.footer)];
  return { text: fallbackText(reply), blocks: fitBlocks(content, tail, MAX_MESSAGE_BLOCKS) };
}

/** Keeps the buttons and footer; shortens the content when the whole would exceed `limit` blocks. */
export function fitBlocks(content: KnownBlock[], tail: KnownBlock[], limit: number): KnownBlock[] {
  if (content.length + tail.length <= limit) return [...content, ...tail];
  const room = Math.max(0, limit - tail.length - 1);
  return [...content.slice(0, room), contextBlock(SHORTENED_NOTE), ...tail].slice(0, limit);
}

function titleBlocks(reply: AddressedReply): KnownBlock[] {
  if (!reply.title) return [];
  const icon = TONE_ICON[reply.tone ?? 'info'];
  if (!reply.url) {
    const text = truncate(`${icon}${withFallbackTimes(reply.title)}`, MAX_HEADER_TEXT);
    return [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }];
  }
  const title = escapeSlackText(withFallbackTimes(reply.title));
  return [section(`${icon}*<${escapeUrl(reply.url)}|${title.replace(/\|/g, '¦')}>*`)];
}

function textBlocks(text: string | undefined): KnownBlock[] {
  if (!text?.trim()) return [];
  return balanceFences(chunkLines(toMrkdwn(text), MAX_SECTION_TEXT - FENCE_ROOM)).map(section);
}

const FENCE_LINE = '```';
/** Room for closing and reopening a fence when a preformatted block spans two sections. */
const FENCE_ROOM = 2 * (FENCE_LINE.length + 1);

/** Each section must close the preformatted block it opens; the next one reopens it. */
function balanceFences(chunks: string[]): string[] {
  let open = false;
  return chunks.map((chunk) => {
    const reopened = open ? `${FENCE_LINE}\n${chunk}` : chunk;
    const fences = chunk.split('\n').filter((line) => line === FENCE_LINE).length;
    open = open !== (fences % 2 === 1);
    return open ? `${reopened}\n${FENCE_LINE}` : reopened;
  });
}

/** Consecutive inline fields share a two-column section; a field that is not inline gets its own. */
function fieldBlocks(fields: ReplyField[] | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let row: ReplyField[] = [];
  const flush = () => {
    if (row.length > 0)
      blocks.push({
        type: 'section',
        fields: row.map((field) => ({ type: 'mrkdwn', text: fieldText(field, MAX_FIELD_TEXT) })),
      });
    row = [];
  };
  let headed = false;
  for (const field of fields ?? []) {
    if (!field.inline) {
      flush();
      // Sections that each head a part (the phases of `progress`) read apart with a divider between them.
      if (headed) blocks.push({ type: 'divider' });
      blocks.push(section(fieldText(field, MAX_SECTION_TEXT)));
      headed = true;
      continue;
    }
    row.push(field);
    if (row.length === MAX_SECTION_FIELDS) flush();
  }
  flush();
  return blocks;
}

function fieldText(field: ReplyField, limit: number): string {
  return truncateMrkdwn(`*${escapeSlackText(withFallbackTimes(field.name))}*\n${toMrkdwn(field.value)}`, limit);
}

function progressBlocks(lines: ProgressLine[] | undefined): KnownBlock[] {
  if (!lines?.length) return [];
  const text = lines.map(progressText).join('\n');
  return chunkLines(text, MAX_SECTION_TEXT).map(section);
}

function progressText(line: ProgressLine): string {
  const detail = line.detail ? `  ${escapeSlackText(line.detail)}` : '';
  return `*${escapeSlackText(line.label)}*\n\`${progressBar(line.done, line.total)}\`${detail}`;
}

function actionBlocks(buttons: AddressedButton[] | undefined): KnownBlock[] {
  if (!buttons?.length) return [];
  const blocks: KnownBlock[] = [];
  for (let at = 0; at < buttons.length; at += MAX_ACTIONS_ELEMENTS) {
    const elements = buttons.slice(at, at + MAX_ACTIONS_ELEMENTS).map(buttonElement);
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

function buttonElement(button: AddressedButton): ButtonElement {
  const element: ButtonElement = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(button.label, MAX_BUTTON_TEXT), emoji: true },
    action_id: button.actionId,
    value: button.action.value || button.action.id,
  };
  // Slack buttons have two styles; "secondary" is Slack's default look.
  if (button.style === 'primary' || button.style === 'success') element.style = 'primary';
  if (button.style === 'danger') element.style = 'danger';
  if (button.confirm) element.confirm = confirmDialog(button.confirm, button.style === 'danger');
  return element;
}

/** https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object */
function confirmDialog(dialog: ConfirmDialog, danger: boolean): Confirm {
  return {
    title: { type: 'plain_text', text: truncate(dialog.title, MAX_CONFIRM_TITLE) },
    text: { type: 'plain_text', text: truncate(dialog.text, MAX_CONFIRM_TEXT) },
    confirm: { type: 'plain_text', text: truncate(dialog.confirm, MAX_CONFIRM_TITLE) },
    deny: { type: 'plain_text', text: truncate(dialog.deny, MAX_CONFIRM_TITLE) },
    ...(danger ? { style: 'danger' as const } : {}),
  };
}

function footerBlocks(footer: string | undefined): KnownBlock[] {
  return footer?.trim() ? [contextBlock(truncateMrkdwn(toMrkdwn(footer), MAX_SECTION_TEXT))] : [];
}

/** Notifications cannot format dates: they read the learner's-zone text. */
function fallbackText(reply: AddressedReply): string {
  const parts = [reply.title ? escapeSlackText(reply.title) : '', reply.text ? toPlainText(reply.text) : ''];
  const labels = (reply.buttons ?? []).map((button) => escapeSlackText(button.label)).join(' · ');
  const text = withFallbackTimes(parts.filter((part) => part.trim()).join('\n'));
  return truncate(text || labels || NOTHING_TO_SAY, MAX_FALLBACK_TEXT);
}

/** Slack refuses a message with neither text nor blocks. */
const NOTHING_TO_SAY = '…';

function section(text: string): Section {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
