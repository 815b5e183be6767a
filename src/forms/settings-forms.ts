import type { CommandContext } from '../commands/command-context.js';
import type { CommandSpec } from '../commands/command.js';
import type { InvocationEnricher } from '../commands/read-command-line.js';
import type { ChannelRef, CommandLine, Invocation, UserRef } from '../model/invocation.js';
import type { AddressedReply, Reply } from '../model/reply.js';
import { addressReply } from '../actions/address-reply.js';
import { ownerToken } from '../model/button-owner.js';
import type { SettingsCheck, SettingsForm, SettingsOutcome, SettingsSubmission } from '../model/settings-form.js';
import { opensSettingsForm } from './opens-settings-form.js';
import { settingsFormFor } from './settings-form-for.js';
import { submitSettings } from './submit-settings.js';

/** Whose settings form, for which path, from where. */
export interface FormRequest {
  path: string;
  user: UserRef;
  channel: ChannelRef;
}

/** The settings form's part of the bot, for platforms with forms (Slack and Discord modals). */
export interface SettingsForms {
  /** The settings form for `remind`/`plan` typed bare (undefined for any other invocation). */
  formFor(invocation: Invocation): Promise<SettingsForm | undefined>;
  /** The same for free text (a Slack command); undefined for anything else, unreadable text too (handleText answers it). */
  formForText(line: CommandLine, enrich?: InvocationEnricher): Promise<SettingsForm | undefined>;
  /** The settings form for a "Change reminder" button (the Home tab, a reminder, `progress`). */
  settingsForm(request: FormRequest): Promise<SettingsForm>;
  /** A submitted settings form: errors by field (nothing changed), or the saved settings' reply. */
  submitSettings(request: FormRequest & SettingsSubmission): Promise<SettingsOutcome>;
}

export interface SettingsFormsDeps {
  /** The command context of a learner on a path (an unknown path is a UserError). */
  context(path: string, user: UserRef, channel: ChannelRef): Promise<CommandContext>;
  /** The core's free-text reader: the invocation a line means, or undefined when it is no command. */
  read(line: CommandLine): { invocation: Invocation; command: CommandSpec } | undefined;
  /** The bot's own answer edge: expected failures and store outages become a reply, addressed to the submitter. */
  answer(to: FormRequest, work: () => Promise<Reply>): Promise<AddressedReply>;
}

export function createSettingsForms(deps: SettingsFormsDeps): SettingsForms {
  const formFor = async (invocation: Invocation): Promise<SettingsForm | undefined> =>
    opensSettingsForm(invocation)
      ? settingsFormFor(await deps.context(invocation.path, invocation.user, invocation.channel))
      : undefined;
  return {
    formFor,
    async formForText(line, enrich) {
      const read = deps.read(line);
      // Only a form's own command is worth the platform's lookups (Slack's profile gives the zone the form opens with).
      if (!read || !opensSettingsForm(read.invocation)) return undefined;
      return formFor(enrich ? await enrich(read.invocation, read.command) : read.invocation);
    },
    settingsForm: async ({ path, user, channel }) => settingsFormFor(await deps.context(path, user, channel)),
    async submitSettings({ path, user, channel, values }) {
      let outcome: SettingsCheck | undefined;
      const reply = await deps.answer({ path, user, channel }, async () => {
        outcome = await submitSettings(await deps.context(path, user, channel), values);
        return outcome.kind === 'answered' ? outcome.reply : { visibility: 'private' };
      });
      if (outcome?.kind !== 'invalid') return { kind: 'answered', reply };
      const [reopen] = addressReply(REOPEN, { path: path.toLowerCase(), owner: ownerToken(user, channel) }).buttons!;
      return { ...outcome, reopen: reopen! };
    },
  };
}

/** The form's own button, for errors shown outside the form (Discord): it opens the form again with the draft. */
const REOPEN: Reply = {
  visibility: 'private',
  buttons: [{ label: 'Change reminder', style: 'primary', action: { id: 'settings', value: '' } }],
};
