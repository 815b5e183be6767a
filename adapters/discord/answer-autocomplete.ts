import type { AutocompleteInteraction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import type { Choice } from '../../src/model/invocation.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from './discord-limits.js';
import { toUserRef } from './discord-refs.js';
import { raceDeadline } from './race-deadline.js';
import { pathOfCommand } from './slash-command-names.js';
import { truncateText } from './truncate-text.js';

/**
 * Suggestions for a focused option (resource names, time zones). Autocomplete cannot be deferred, so a
 * slow core gets no suggestions rather than a missed deadline; the submitted value is validated anyway.
 */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  deps: { bot: Bot; deadlineMs: number },
): Promise<void> {
  const path = pathOfCommand(interaction.commandName, deps.bot.paths);
  if (!path) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const suggestions = deps.bot.autocomplete({
    path,
    command: interaction.options.getSubcommand(false) ?? '',
    option: focused.name,
    partial: String(focused.value),
    user: toUserRef(interaction),
  });
  const result = await raceDeadline(suggestions, deps.deadlineMs);
  await interaction.respond(result.settled ? fitChoices(result.value) : []);
}

function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((choice) => choice.value.length <= CHOICE_VALUE_MAX)
    .slice(0, AUTOCOMPLETE_CHOICES_MAX)
    .map((choice) => ({ name: truncateText(choice.name, CHOICE_NAME_MAX), value: choice.value }));
}
