import { progressBar } from '../../src/model/progress-bar.js';
import type { Reply, ReplyField } from '../../src/model/reply.js';
import { withFallbackTimes } from '../../src/model/time-token.js';

const TONE_ICON = { info: 'ℹ', success: '✔', warning: '⚠', error: '✖' } as const;

/**
 * The core's Markdown subset as plain terminal text: links become "label <url>". Each rule runs only on
 * text holding its mark (most replies have no link, no code block): a scan is cheaper than a regex pass.
 */
export function markdownToPlain(text: string): string {
  let plain = withFallbackTimes(text);
  if (plain.includes('](')) plain = plain.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 <$2>');
  if (plain.includes('**')) plain = plain.replace(/\*\*([^*]+)\*\*/g, '$1');
  if (plain.includes('_')) plain = plain.replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,!?:;]|$)/gm, '$1$2');
  if (plain.includes('`')) plain = plain.replace(/```(?:json)?\n?/g, '').replace(/`([^`]+)`/g, '$1');
  return plain;
}

/** A Reply as terminal lines; buttons become numbered choices the learner can type. */
export function renderConsoleReply(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title)
    lines.push(
      `${TONE_ICON[reply.tone ?? 'info']} ${withFallbackTimes(reply.title)}${reply.url ? ` <${reply.url}>` : ''}`,
    );
  if (reply.text) lines.push(markdownToPlain(reply.text));
  for (const field of reply.fields ?? []) lines.push(renderField({ ...field, name: withFallbackTimes(field.name) }));
  for (const line of reply.progress ?? [])
    lines.push(
      `${line.label.padEnd(12)} ${progressBar(line.done, line.total)}${line.detail ? `  ${line.detail}` : ''}`,
    );
  if (reply.footer) lines.push(markdownToPlain(reply.footer));
  if (reply.buttons?.length)
    lines.push(reply.buttons.map((button, index) => `[${index + 1}] ${button.label}`).join('   '));
  if (!reply.title && reply.tone === 'error') lines[0] = `${TONE_ICON.error} ${lines[0] ?? ''}`;
  return lines.join('\n');
}

/** An inline field shares its line ("Where: Phase 1"); any other is a heading with its value indented below, however short. */
function renderField(field: ReplyField): string {
  const value = markdownToPlain(field.value);
  if (field.inline) return `${field.name}${field.name.endsWith(':') ? '' : ':'} ${value}`;
  return `${field.name}\n${indent(value)}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
