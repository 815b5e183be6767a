import type { CommandContext } from '../commands/command-context.js';
import type { ChannelRef, Invocation, UserRef } from '../model/invocation.js';
import type { Reply } from '../model/reply.js';
import type { SettingsForm, SettingsOutcome, SettingsSubmission } from '../model/settings-form.js';
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
  /** The settings form for a "Change reminder" button (the Home tab, a reminder, `progress`). */
  settingsForm(request: FormRequest): Promise<SettingsForm>;
  /** A submitted settings form: errors by field (nothing changed), or the saved settings' reply. */
  submitSettings(request: FormRequest & SettingsSubmission): Promise<SettingsOutcome>;
}

export interface SettingsFormsDeps {
  /** The command context of a learner on a path (an unknown path is a UserError). */
  context(path: string, user: UserRef, channel: ChannelRef): Promise<CommandContext>;
  /** The bot's own answer edge: expected failures and store outages become a reply. */
  answer(path: string, work: () => Promise<Reply>): Promise<Reply>;
}

export function createSettingsForms(deps: SettingsFormsDeps): SettingsForms {
  return {
    formFor: async (invocation) =>
      opensSettingsForm(invocation)
        ? settingsFormFor(await deps.context(invocation.path, invocation.user, invocation.channel))
        : undefined,
    settingsForm: async ({ path, user, channel }) => settingsFormFor(await deps.context(path, user, channel)),
    async submitSettings({ path, user, channel, values }) {
      let outcome: SettingsOutcome | undefined;
      const reply = await deps.answer(path, async () => {
        outcome = await submitSettings(await deps.context(path, user, channel), values);
        return outcome.kind === 'answered' ? outcome.reply : { visibility: 'private' };
      });
      return outcome?.kind === 'invalid' ? outcome : { kind: 'answered', reply };
    },
  };
}
