import { Routes } from 'discord.js';
import type { REST, RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { PathCommandSpec } from '../../src/commands/command.js';
import { buildSlashCommands } from './build-slash-commands.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Registers every path's slash commands with one bulk overwrite, which also removes commands this bot
 * no longer has. To a guild when `guildId` is set (instant, for testing), globally otherwise.
 * https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
export async function deploySlashCommands(deps: {
  rest: REST;
  appId: string;
  guildId?: string;
  paths: readonly PathCommandSpec[];
}): Promise<DeployResult> {
  const route = deps.guildId
    ? Routes.applicationGuildCommands(deps.appId, deps.guildId)
    : Routes.applicationCommands(deps.appId);
  const registered = (await deps.rest.put(route, {
    body: buildSlashCommands(deps.paths),
  })) as RESTPutAPIApplicationCommandsResult;
  return { scope: deps.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
}
