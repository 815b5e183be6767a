import type { PathCommandSpec } from '../../src/commands/command.js';

/**
 * Discord's `default_member_permissions` applies to a whole command, never to one subcommand, so a
 * path's admin-only subcommands live in a second command, `/<path>-admin`, that only members with
 * Manage Server see by default. Server admins can override that visibility, so the core still checks.
 */
const ADMIN_SUFFIX = '-admin';

export function adminCommandName(path: string): string {
  return `${path}${ADMIN_SUFFIX}`;
}

/** The learning path a registered slash command belongs to, or undefined for a command we no longer have. */
export function pathOfCommand(commandName: string, paths: readonly PathCommandSpec[]): string | undefined {
  for (const path of paths) {
    if (commandName === path.name) return path.name;
    if (commandName === adminCommandName(path.name) && path.commands.some((command) => command.adminOnly)) {
      return path.name;
    }
  }
  return undefined;
}
