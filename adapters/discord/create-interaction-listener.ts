import type { Interaction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/ports/logger.js';
import { answerAutocomplete } from './answer-autocomplete.js';
import { answerButtonPress } from './answer-button-press.js';
import { answerChatInput } from './answer-chat-input.js';
import { answerSettingsForm, openFormForCommand, openSettingsForm } from './answer-settings-form.js';
import { SETTINGS_ACTION_ID } from '../../src/model/action-id.js';
import { replyPrivately } from './reply-privately.js';

export interface InteractionListenerDeps {
  bot: Bot;
  logger: Logger;
  deferAfterMs: number;
  autocompleteDeadlineMs: number;
}

export interface InteractionListener {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves when the interactions in flight are answered (or after `timeoutMs`). */
  drain(timeoutMs: number): Promise<void>;
}

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** The adapter's edge: routes each interaction, and is the one place unexpected errors are logged and apologised for. */
export function createInteractionListener(deps: InteractionListenerDeps): InteractionListener {
  const inFlight = new Set<Promise<void>>();

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      if (!(await openFormForCommand(interaction, deps))) await answerChatInput(interaction, deps);
    } else if (interaction.isButton() && SETTINGS_ACTION_ID.test(interaction.customId)) {
      await openSettingsForm(interaction, deps);
    } else if (interaction.isButton()) await answerButtonPress(interaction, deps);
    else if (interaction.isModalSubmit()) await answerSettingsForm(interaction, deps);
    else if (interaction.isAutocomplete()) {
      await answerAutocomplete(interaction, { bot: deps.bot, deadlineMs: deps.autocompleteDeadlineMs });
    }
  }

  async function handle(interaction: Interaction): Promise<void> {
    try {
      await route(interaction);
    } catch (error) {
      deps.logger.error('discord interaction failed', {
        ...describeInteraction(interaction),
        error: describeError(error),
      });
      if (!interaction.isRepliable()) return;
      await replyPrivately(interaction, APOLOGY, 'error').catch((apologyError: unknown) =>
        deps.logger.warn('discord apology not delivered', {
          interactionId: interaction.id,
          error: describeError(apologyError),
        }),
      );
    }
  }

  return {
    handle(interaction) {
      const work = handle(interaction).finally(() => inFlight.delete(work));
      inFlight.add(work);
      return work;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}

function describeInteraction(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind: interaction.isChatInputCommand()
      ? `/${interaction.commandName} ${interaction.options.getSubcommand(false) ?? ''}`.trim()
      : interaction.isButton()
        ? `button ${interaction.customId}`
        : `type ${interaction.type}`,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack };
}
