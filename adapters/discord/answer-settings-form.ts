import { MessageFlags } from 'discord.js';
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitFields,
  ModalSubmitInteraction,
} from 'discord.js';
import type { Bot } from '../../src/bot.js';
import { opensSettingsForm } from '../../src/forms/opens-settings-form.js';
import { decodeAction } from '../../src/model/action-id.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';
import { quoteUserText } from '../../src/model/quote-user-text.js';
import type { AddressedReply } from '../../src/model/reply.js';
import type { SettingsField, SettingsOutcome, SettingsValues } from '../../src/model/settings-form.js';
import { toInvocation } from './answer-chat-input.js';
import { parseOwnerToken } from '../../src/model/button-owner.js';
import { toChannelRef, toUserRef } from './discord-refs.js';
import { renderDiscordReply } from './render-discord-reply.js';
import { replyPrivately } from './reply-privately.js';
import { settingsModal } from './settings-modal.js';
import { pathOfCommand } from './slash-command-names.js';
import { toEditOptions } from './to-message-options.js';

type Deps = { bot: Bot };

/** Bare `/webrtc remind` or `/webrtc plan` opens the settings form (a modal must be the first answer); false otherwise. */
export async function openFormForCommand(interaction: ChatInputCommandInteraction, deps: Deps): Promise<boolean> {
  const path = pathOfCommand(interaction.commandName, deps.bot.paths);
  if (!path) return false;
  const invocation = toInvocation(interaction, path);
  if (!opensSettingsForm(invocation)) return false;
  const form = await deps.bot.formFor(invocation);
  if (!form) return false;
  await interaction.showModal(settingsModal(form));
  return true;
}

/**
 * "Change reminder" opens the presser's own settings form. On a reminder DM the button names the guild learner it
 * was for, as Done does (see button-owner.ts); anyone else pressing gets their own form.
 */
export async function openSettingsForm(interaction: ButtonInteraction, deps: Deps): Promise<void> {
  const action = decodeAction(interaction.customId);
  if (!action || !deps.bot.paths.some((path) => path.name === action.path)) {
    await replyPrivately(interaction, 'This button has expired. Run the command again for a fresh one.');
    return;
  }
  const { user, channel } = learnerOf(interaction, action.ownerId);
  const form = await deps.bot.settingsForm({ path: action.path, user, channel });
  await interaction.showModal(settingsModal(form));
}

/**
 * A submitted settings form: the core checks it as it checks typed text. Saved settings are confirmed privately;
 * errors are listed privately with what was typed, and a button opens the form again with it (a draft the core keeps).
 */
export async function answerSettingsForm(interaction: ModalSubmitInteraction, deps: Deps): Promise<void> {
  const action = decodeAction(interaction.customId);
  const known = action?.actionId === 'settings-save' && deps.bot.paths.some((path) => path.name === action.path);
  if (!action || !known) {
    await replyPrivately(interaction, 'This form has expired. Run the command again for a fresh one.');
    return;
  }
  const { user, channel } = learnerOf(interaction, action.ownerId);
  const values = readSettingsModal(interaction.fields);
  // Saving opens a DM channel and writes the record: more than Discord's 3 seconds may pass.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await deps.bot.submitSettings({ path: action.path, user, channel, values });
  const reply = outcome.kind === 'answered' ? outcome.reply : errorsReply(outcome, values);
  await interaction.editReply(toEditOptions(renderDiscordReply(reply)));
}

/** The learner a form acts for: the presser, in the guild a DM button names (as with every button). */
function learnerOf(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  ownerId: string,
): { user: UserRef; channel: ChannelRef } {
  const owner = parseOwnerToken(ownerId);
  const user = toUserRef(interaction);
  if (owner.workspace && !interaction.guildId && owner.userId === user.id) user.workspace = owner.workspace;
  return { user, channel: toChannelRef(interaction) };
}

/** What the modal's inputs hold; a field the modal left out (the plan, once finished) is empty. */
export function readSettingsModal(fields: ModalSubmitFields): SettingsValues {
  const has = (field: SettingsField) => fields.fields.has(field);
  return {
    time: has('time') ? fields.getTextInputValue('time') : '',
    zone: has('zone') ? (fields.getStringSelectValues('zone')[0] ?? '') : '',
    days: has('days') ? fields.getCheckboxGroup('days') : [],
    plan: has('plan') ? fields.getTextInputValue('plan') : '',
    nudge: has('nudge') ? fields.getCheckbox('nudge') : false,
  };
}

const FIELD_NAMES: Record<SettingsField, string> = {
  time: 'Reminder time',
  zone: 'Time zone',
  days: 'Days',
  plan: 'Finish by',
  nudge: 'Streak nudge',
};

/** Discord shows no errors in a modal: the fields' errors, with what was typed so nothing is lost, and a way back. */
function errorsReply(
  { errors, reopen }: Extract<SettingsOutcome, { kind: 'invalid' }>,
  values: SettingsValues,
): AddressedReply {
  const lines = (Object.keys(errors) as SettingsField[]).map(
    (field) => `- **${FIELD_NAMES[field]}**: ${errors[field]}`,
  );
  const typed = [
    `time "${quoteUserText(values.time, 60)}"`,
    ...(values.plan ? [`finish by "${quoteUserText(values.plan, 60)}"`] : []),
  ].join(', ');
  return {
    visibility: 'private',
    tone: 'error',
    title: 'Nothing was changed',
    text: [...lines, `You typed: ${typed}.`].join('\n'),
    buttons: [reopen],
  };
}
