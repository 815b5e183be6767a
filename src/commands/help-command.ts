import type { LearningPath } from '../curriculum/learning-path.js';
import type { Reply } from '../model/reply.js';
import type { Command, CommandSpec } from './command.js';

export const helpCommand: Command = {
  name: 'help',
  description: 'How to use this bot',
  usage: 'help',
  options: [],
  run: async ({ path, commands }) => helpReply(path, commands),
};

/** Usage of every subcommand; `lead` carries a "did you mean" line for unknown ones. */
export function helpReply(path: LearningPath, commands: readonly CommandSpec[], lead?: string): Reply {
  const usage = (command: CommandSpec) => `\`/${path.command} ${command.usage}\` — ${command.description}`;
  const admin = commands.filter((command) => command.adminOnly).map(usage);
  const lines = [
    lead,
    `Work through the path one resource at a time. Start with \`/${path.command} next\`.`,
    '',
    ...commands.filter((command) => !command.adminOnly).map(usage),
    ...(admin.length > 0 ? ['', `**For admins** (on Discord these are under \`/${path.command}-admin\`):`, ...admin] : []),
  ];
  return {
    visibility: 'private',
    tone: 'info',
    title: `${path.title} learning path — ${path.resources.length} resources, ${path.totalMinutes} min`,
    text: lines.filter((line) => line !== undefined).join('\n'),
  };
}
