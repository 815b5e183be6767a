import { parseDigestArgs, type DigestRequest } from '../digest/parse-digest-args.js';
import type { Platform } from '../model/invocation.js';
import { UserError } from '../model/user-error.js';
import { resolveTimeZone } from '../reminders/resolve-time-zone.js';

/** The settings form as typed: every field kept, to show it again beside its error. */
export interface SettingsFormInput {
  channel: string;
  day: string;
  time: string;
  zone: string;
}

export type SettingsField = keyof SettingsFormInput;

/** What the form asks for, once every field passed the same checks as the chat commands. */
export interface SettingsChoice {
  channel: string;
  digest: Exclude<DigestRequest, { kind: 'show' }>;
  zone: string;
}

export type SettingsFormResult =
  { ok: true; choice: SettingsChoice } | { ok: false; errors: Partial<Record<SettingsField, string>> };

// Where a digest can be posted, per platform: a Discord channel id (or its <#id> mention), a Slack public or
// private channel id (DMs start with D and cannot hold a digest), the console's channel name.
const CHANNEL_FORMATS: Record<Platform, { pattern: RegExp; example: string }> = {
  discord: { pattern: /^<?#?(\d{17,20})>?$/, example: 'a channel ID like 1234567890123456789 (Copy Channel ID)' },
  slack: {
    pattern: /^([CG][A-Z0-9]{8,12})$/,
    example: 'a channel ID like C0123456789 (channel details, at the bottom)',
  },
  console: { pattern: /^([a-z0-9_.-]{1,32})$/, example: 'a channel name like general' },
};

/**
 * Reads the settings form with the chat commands' own parsers (`digest`'s day and time, `remind`'s zones):
 * what is refused here is refused in chat, with the same words.
 */
export function readSettingsForm(platform: Platform, path: string, input: SettingsFormInput): SettingsFormResult {
  const errors: Partial<Record<SettingsField, string>> = {};
  const format = CHANNEL_FORMATS[platform];
  const channel = format.pattern.exec(input.channel.trim())?.[1];
  if (!channel) errors.channel = `That isn't a channel I can post in. Use ${format.example}.`;
  const digest = readDigest(input, path, errors);
  const zone = attempt(() => resolveTimeZone(input.zone), 'zone', errors);
  if (!channel || !digest || !zone) return { ok: false, errors };
  return { ok: true, choice: { channel, digest, zone } };
}

function readDigest(
  input: SettingsFormInput,
  path: string,
  errors: Partial<Record<SettingsField, string>>,
): SettingsChoice['digest'] | undefined {
  try {
    const request = parseDigestArgs(input.day, input.time, path);
    if (request.kind !== 'show') return request;
    errors.day = 'Name a day and a time for the digest, or "off" to stop it.';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    errors[error.code === 'invalid-day' ? 'day' : 'time'] = wording(error);
  }
  return undefined;
}

function attempt<T>(
  read: () => T,
  field: SettingsField,
  errors: Partial<Record<SettingsField, string>>,
): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    errors[field] = wording(error);
    return undefined;
  }
}

function wording(error: UserError): string {
  return error.hint ? `${error.message} ${error.hint}` : error.message;
}
