import type { LearningPath } from '../curriculum/learning-path.js';
import type { Reply } from '../model/reply.js';
import type { Platform } from '../model/invocation.js';
import type { Command, CommandSpec } from './command.js';

export const helpCommand: Command = {
  name: 'help',
  description: 'How to use this bot',
  usage: 'help',
  options: [],
  run: async ({ path, commands }, invocation) => helpReply(path, commands, invocation.user.platform),
};

/**
 * Usage of every subcommand, admin ones under their own heading. On Discord those live in a second
 * command, `/<path>-admin` (Discord can hide a whole command, never one subcommand), so help names that one there.
 */
export function helpReply(path: LearningPath, commands: readonly CommandSpec[], platform?: Platform): Reply {
  const usage = (command: CommandSpec, slash = path.command) =>
    `\`/${slash} ${command.usage}\` — ${command.description}`;
  const adminSlash = platform === 'discord' ? `${path.command}-admin` : path.command;
  const admin = commands.filter((command) => command.adminOnly).map((command) => usage(command, adminSlash));
  const lines = [
    `Work through the path one resource at a time. Start with \`/${path.command} next\`.`,
    '',
    ...commands.filter((command) => !command.adminOnly).map((command) => usage(command)),
    ...(admin.length > 0 ? ['', '**For admins of this server or workspace:**', ...admin] : []),
  ];
  return {
    visibility: 'private',
    tone: 'info',
    title: `${path.title} learning path — ${path.resources.length} resources, ${path.totalMinutes} min`,
    text: lines.join('\n'),
  };
}
