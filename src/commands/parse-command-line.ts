import { quoteUserText, withoutInvisible } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { closest } from '../progress/closest.js';
import type { CommandSpec, PathCommandSpec } from './command.js';

/**
 * Free text after the slash command ("done webrtc basics") -> subcommand and options, positionally;
 * the last option takes the rest of the line, and words a command has no option for are refused. A keyword
 * option is left to the command, which finds it after its name among the words.
 * Used by Slack and the console, so both read alike.
 */
export function parseCommandLine(
  text: string,
  spec: PathCommandSpec,
): { command: string; args: Record<string, string> } {
  const words = withoutInvisible(text).trim().split(/\s+/).filter(Boolean);
  const name = (words.shift() ?? 'help').toLowerCase();
  const command = findCommand(spec, name);
  const args: Record<string, string> = {};
  const positional = command.options.filter((option) => !option.keyword);
  positional.forEach((option, index) => {
    const last = index === positional.length - 1;
    const value = last ? words.splice(0).join(' ') : words.shift();
    if (value) args[option.name] = value;
  });
  // Only a command without options has words left: ignoring them would act on something other than what was asked.
  if (words.length > 0) {
    throw new UserError(
      'unexpected-words',
      `\`/${spec.name} ${command.name}\` takes nothing after it, so I didn't act on "${quoteUserText(words.join(' '), 30)}".`,
      `Usage: \`/${spec.name} ${command.usage}\` — ${command.description}.`,
    );
  }
  return { command: command.name, args };
}

/** A subcommand by name, case-insensitively; otherwise a UserError that suggests the closest one. */
export function findCommand(spec: PathCommandSpec, name: string): CommandSpec {
  const wanted = withoutInvisible(name).trim().toLowerCase();
  const command = spec.commands.find((candidate) => candidate.name === wanted);
  if (command) return command;
  const suggestion = closest(
    wanted,
    spec.commands.map((candidate) => candidate.name),
  );
  const hint = suggestion ? `Did you mean \`/${spec.name} ${suggestion}\`? ` : '';
  throw new UserError(
    'unknown-command',
    `\`${quoteUserText(name, 30) || '(empty)'}\` isn't a ${spec.title} command.`,
    `${hint}\`/${spec.name} help\` lists them all.`,
  );
}
