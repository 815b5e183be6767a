import type { Invocation, CommandLine } from '../model/invocation.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { quoteUserText } from '../model/quote-user-text.js';
import type { CommandSpec, PathCommandSpec } from './command.js';
import { parseCommandLine } from './parse-command-line.js';

/** What the platform adds once the command is known (Slack: admin, time zone and name, from one profile call). */
export type InvocationEnricher = (invocation: Invocation, command: CommandSpec) => Promise<Invocation>;

/**
 * The one reader of free text, for every platform that has it. Typed in a chat (`inChat`), "webrtc next" names a
 * path (first word, with or without its slash) and anything that is no command gets a short help line.
 */
export function readCommandLine(
  paths: readonly PathCommandSpec[],
  line: CommandLine,
): { invocation: Invocation; command: CommandSpec } | { reply: Reply } {
  const { spec, text } = line.inChat
    ? pickPath(paths, line.path, line.text)
    : { spec: named(paths, line.path), text: line.text };
  try {
    const parsed = parseCommandLine(text, spec);
    const command = spec.commands.find((candidate) => candidate.name === parsed.command)!;
    const invocation: Invocation = {
      path: spec.name,
      command: parsed.command,
      args: parsed.args,
      user: line.user,
      channel: line.channel,
      ...(line.isAdmin === undefined ? {} : { isAdmin: line.isAdmin }),
    };
    return { invocation, command };
  } catch (error) {
    if (line.inChat && error instanceof UserError && error.code === 'unknown-command') return { reply: helpLine(spec) };
    throw error;
  }
}

/** The same, for a caller that only asks what a line means (a form to open): undefined when it is no command. */
export function readCommandQuietly(
  paths: readonly PathCommandSpec[],
  line: CommandLine,
): { invocation: Invocation; command: CommandSpec } | undefined {
  try {
    const read = readCommandLine(paths, line);
    return 'reply' in read ? undefined : read;
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

function named(paths: readonly PathCommandSpec[], name: string): PathCommandSpec {
  const spec = paths.find((candidate) => candidate.name === name.toLowerCase());
  if (!spec) throw new UserError('unknown-path', `There's no learning path called "${quoteUserText(name, 32)}".`);
  return spec;
}

/** "webrtc next" names a path; anything else is for the given (usually the only) one. */
function pickPath(
  paths: readonly PathCommandSpec[],
  fallback: string,
  typed: string,
): { spec: PathCommandSpec; text: string } {
  const [first = '', ...rest] = typed.trim().split(/\s+/);
  const spec = paths.find((candidate) => candidate.name === first.replace(/^\//, '').toLowerCase());
  return spec ? { spec, text: rest.join(' ') } : { spec: named(paths, fallback), text: typed };
}

function helpLine(spec: PathCommandSpec): Reply {
  return {
    visibility: 'private',
    tone: 'info',
    text: `Here I understand \`/${spec.name}\` commands without the slash: \`next\`, \`done\`, \`progress\` or \`help\` for the rest.`,
  };
}
