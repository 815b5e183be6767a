import { z } from 'zod';
import { quoteUserText, withoutInvisible } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import type { CommandSpec } from './command.js';

/** Longest option value accepted: resource names and zones are far shorter. */
export const MAX_ARGUMENT_LENGTH = 100;

/** Control characters become spaces; invisible format characters (a zero-width space, a bidi override) go. */
const argumentSchema = z.string().transform((value) =>
  withoutInvisible(value)
    .replace(/\p{Cc}/gu, ' ')
    .trim(),
);

/** Checks option values against the command's metadata; returns cleaned values (empty ones dropped). */
export function validateArgs(command: CommandSpec, raw: Record<string, string>, slash: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(raw)) {
    const option = command.options.find((candidate) => candidate.name === name);
    if (!option)
      throw new UserError(
        'unknown-option',
        `\`/${slash} ${command.name}\` has no option "${quoteUserText(name, 20)}".`,
        `Usage: \`/${slash} ${command.usage}\``,
      );
    const value = argumentSchema.parse(String(rawValue));
    if (value === '') continue;
    if (value.length > MAX_ARGUMENT_LENGTH) {
      throw new UserError(
        'too-long',
        `That ${name} is ${value.length} characters long; I accept at most ${MAX_ARGUMENT_LENGTH}.`,
        `Usage: \`/${slash} ${command.usage}\``,
      );
    }
    if (option.choices && !option.choices.includes(value.toLowerCase())) {
      throw new UserError(
        'invalid-choice',
        `"${quoteUserText(value, 20)}" isn't one of ${option.choices.map((choice) => `\`${choice}\``).join(', ')}.`,
        `Usage: \`/${slash} ${command.usage}\``,
      );
    }
    args[name] = option.choices ? value.toLowerCase() : value;
  }
  for (const option of command.options) {
    if (option.required && !Object.hasOwn(args, option.name))
      throw new UserError(
        'missing-option',
        `\`/${slash} ${command.name}\` needs a ${option.name}.`,
        `Usage: \`/${slash} ${command.usage}\``,
      );
  }
  return args;
}
