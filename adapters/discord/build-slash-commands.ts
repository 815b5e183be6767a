import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommandStringOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandSpec, OptionSpec, PathCommandSpec } from '../../src/commands/command.js';
import { MAX_ARGUMENT_LENGTH } from '../../src/commands/validate-args.js';
import { COMMAND_DESCRIPTION_MAX, COMMAND_NAME, OPTION_CHOICES_MAX, SUBCOMMANDS_MAX } from './discord-limits.js';
import { adminCommandName } from './slash-command-names.js';
import { truncateText } from './truncate-text.js';

/**
 * One `/<path>` command per learning path, installable in servers and on a user's own account, plus
 * `/<path>-admin` (default_member_permissions = Manage Server, guild installs in guilds only) when the path
 * has admin-only subcommands. See slash-command-names.ts.
 * Every option is a string: the core parses and validates values, autocomplete only suggests. Free-text
 * options declare the longest value the core accepts as `max_length`, so Discord's client stops a longer
 * one before it is sent (the core still refuses it, for clients that do not).
 */
export function buildSlashCommands(
  paths: readonly PathCommandSpec[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return paths.flatMap((path) => {
    const learnerCommands = path.commands.filter((command) => !command.adminOnly);
    const adminCommands = path.commands.filter((command) => command.adminOnly);
    const built: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
      {
        ...slashCommand(path.name, path.description, learnerCommands),
        // Also for people who add the app to their own account: in any DM, group DM or server (docs/DISCORD.md).
        integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
        contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
      },
    ];
    if (adminCommands.length > 0) {
      built.push({
        ...slashCommand(adminCommandName(path.name), `${path.title}: server settings`, adminCommands),
        contexts: [InteractionContextType.Guild],
        default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      });
    }
    return built;
  });
}

function slashCommand(
  name: string,
  description: string,
  commands: readonly CommandSpec[],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  for (const candidate of [
    name,
    ...commands.flatMap((command) => [command.name, ...command.options.map((option) => option.name)]),
  ]) {
    assertCommandName(candidate);
  }
  if (commands.length > SUBCOMMANDS_MAX) {
    throw new Error(`/${name} has ${commands.length} subcommands; Discord allows ${SUBCOMMANDS_MAX}`);
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: truncateText(description, COMMAND_DESCRIPTION_MAX),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: commands.map(subcommand),
  };
}

/** Discord refuses the whole registration for one bad name; say which name and why instead. */
function assertCommandName(name: string): void {
  if (!COMMAND_NAME.test(name)) {
    throw new Error(
      `"${name}" cannot be a Discord command or option name: use 1-32 lowercase letters, digits, "-" or "_"`,
    );
  }
}

function subcommand(command: CommandSpec): APIApplicationCommandSubcommandOption {
  // Discord refuses a required option after an optional one; names, not positions, carry the values.
  const ordered = [...command.options].sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: truncateText(command.description, COMMAND_DESCRIPTION_MAX),
    options: ordered.map(stringOption),
  };
}

function stringOption(option: OptionSpec): APIApplicationCommandStringOption {
  const base = {
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description: truncateText(option.description, COMMAND_DESCRIPTION_MAX),
    required: option.required,
  } as const;
  const choices = option.choices ?? [];
  if (choices.length > 0 && choices.length <= OPTION_CHOICES_MAX) {
    return { ...base, choices: choices.map((choice) => ({ name: choice, value: choice })) };
  }
  // Resource names and zones are suggested as the user types; a list too long for Discord is left free.
  const free = { ...base, max_length: MAX_ARGUMENT_LENGTH };
  return option.autocomplete ? { ...free, autocomplete: true } : free;
}
