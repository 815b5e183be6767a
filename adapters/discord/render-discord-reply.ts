import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { progressBar } from '../../src/model/progress-bar.js';
import type { AddressedButton, AddressedReply, Button, ProgressLine, ReplyField, Tone } from '../../src/model/reply.js';
import { withFallbackTimes } from '../../src/model/time-token.js';
import { discordTimes } from './discord-times.js';
import {
  ACTION_ROWS_MAX,
  BUTTONS_PER_ROW,
  BUTTON_LABEL_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
} from './discord-limits.js';
import { truncateText } from './truncate-text.js';

export type DiscordButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * A message body in Discord's API shape (a channel message's REST body, so a shape Discord does not take does not
 * compile), ready for an interaction response, a webhook edit or a channel message.
 */
export interface DiscordMessagePayload extends RESTPostAPIChannelMessageJSONBody {
  embeds: APIEmbed[];
  components: DiscordButtonRow[];
  flags?: MessageFlags.Ephemeral;
  /** Nothing is ever parsed into a ping: not @everyone, not a role, not a user. */
  allowed_mentions: { parse: [] };
}

const TONE_COLORS: Record<Tone, number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
};

const BUTTON_STYLES: Record<Button['style'], APIButtonComponentWithCustomId['style']> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** Discord refuses empty field names and values; a zero-width space keeps the layout. */
const BLANK = '\u200b';

/**
 * Renders the core's Reply as one embed plus button rows, within Discord's limits. Pure: every button already
 * carries its whole action. Times show in each reader's own zone where Discord formats them (description and
 * field values); titles, field names and footers read the learner's-zone text. A reply with nothing to show
 * becomes a private note: an empty message would be posted for everyone to see, or refused.
 */
export function renderDiscordReply(reply: AddressedReply): DiscordMessagePayload {
  const embed = renderEmbed(reply);
  const components = renderButtonRows(reply.buttons ?? []);
  if (isEmptyEmbed(embed) && components.length === 0) return renderDiscordReply(NOTHING_TO_SHOW);
  return {
    embeds: isEmptyEmbed(embed) ? [] : [embed],
    components,
    ...(reply.visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {}),
    allowed_mentions: { parse: [] },
  };
}

const NOTHING_TO_SHOW: AddressedReply = {
  visibility: 'private',
  tone: 'info',
  text: "There's nothing to show for that.",
};

function renderEmbed(reply: AddressedReply): APIEmbed {
  const embed: APIEmbed = { color: TONE_COLORS[reply.tone ?? 'info'] };
  if (reply.title) embed.title = truncateText(withFallbackTimes(reply.title), EMBED_TITLE_MAX);
  if (reply.title && reply.url && isWebUrl(reply.url)) embed.url = reply.url;
  const description = [reply.text, renderProgress(reply.progress ?? [])].filter(Boolean).join('\n\n');
  if (description) embed.description = truncateText(discordTimes(description), EMBED_DESCRIPTION_MAX);
  if (reply.fields?.length) embed.fields = renderFields(reply.fields);
  if (reply.footer) embed.footer = { text: truncateText(withFallbackTimes(reply.footer), EMBED_FOOTER_MAX) };
  return fitEmbedTotal(embed);
}

function renderProgress(lines: readonly ProgressLine[]): string {
  return lines
    .map((line) => {
      const detail = line.detail ? ` · ${line.detail}` : '';
      return `**${line.label}**\n${progressBar(line.done, line.total)}${detail}`;
    })
    .join('\n');
}

function renderFields(fields: readonly ReplyField[]): APIEmbedField[] {
  const shown = fields.length > EMBED_FIELDS_MAX ? fields.slice(0, EMBED_FIELDS_MAX - 1) : fields;
  const rendered = shown.map((field) => ({
    name: truncateText(withFallbackTimes(field.name), EMBED_FIELD_NAME_MAX) || BLANK,
    value: truncateText(discordTimes(field.value), EMBED_FIELD_VALUE_MAX) || BLANK,
    inline: field.inline ?? false,
  }));
  if (shown.length < fields.length) {
    rendered.push({ name: BLANK, value: `…and ${fields.length - shown.length} more`, inline: false });
  }
  return rendered;
}

/** Keeps the whole embed under the 6,000-character total: the text matters most, so trailing fields go first. */
function fitEmbedTotal(embed: APIEmbed): APIEmbed {
  while (embedLength(embed) > EMBED_TOTAL_MAX && embed.fields?.length) {
    embed.fields = embed.fields.slice(0, -1);
  }
  if (embed.fields?.length === 0) delete embed.fields;
  const excess = embedLength(embed) - EMBED_TOTAL_MAX;
  if (excess > 0 && embed.description) {
    embed.description = truncateText(embed.description, embed.description.length - excess);
  }
  return embed;
}

function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0);
}

function isEmptyEmbed(embed: APIEmbed): boolean {
  return !embed.title && !embed.description && !embed.fields?.length && !embed.footer;
}

function renderButtonRows(buttons: readonly AddressedButton[]): DiscordButtonRow[] {
  const shown = buttons.slice(0, BUTTONS_PER_ROW * ACTION_ROWS_MAX);
  const rows: DiscordButtonRow[] = [];
  for (let start = 0; start < shown.length; start += BUTTONS_PER_ROW) {
    rows.push({
      type: ComponentType.ActionRow,
      components: shown.slice(start, start + BUTTONS_PER_ROW).map(renderButton),
    });
  }
  return rows;
}

/** Discord has no confirm dialog on a button: a destructive action asks in its own message first (forget). */
function renderButton(button: AddressedButton): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: BUTTON_STYLES[button.style],
    label: truncateText(button.label, BUTTON_LABEL_MAX),
    custom_id: button.actionId,
  };
}

/** Discord rejects the whole message when an embed URL is not http(s), so anything else is left out. */
function isWebUrl(candidate: string): boolean {
  try {
    const { protocol } = new URL(candidate);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
