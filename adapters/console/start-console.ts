import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../src/bot.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';
import type { AddressedReply } from '../../src/model/reply.js';
import { StartUpError } from '../../src/ops/start-up-error.js';
import type { Logger } from '../../src/ports/logger.js';
import { createConsoleMessenger } from './console-messenger.js';
import { renderConsoleReply } from './render-console-reply.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Who is typing: the display name for `--user NAME`. */
  userName: string;
  channel: string;
  interactive: boolean;
  /** The path bare hints and button numbers refer to (`--path NAME`); default webrtc, else the first. */
  path?: string;
}

/** The repository's own learning path: it stays the default when more paths are added beside it. */
const PREFERRED_PATH = 'webrtc';

const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** A local chat: reads commands line by line (also from a pipe) until the input ends. */
export async function startConsole(deps: { bot: Bot; logger: Logger; options: ConsoleOptions }): Promise<void> {
  const { bot, logger, options } = deps;
  const write = (text: string) => options.output.write(`${text}\n`);
  // The terminal's own zone is the learner's: `/webrtc remind 9am` means 9am here.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const user: UserRef = {
    platform: 'console',
    workspace: 'local',
    id: consoleId(options.userName),
    displayName: options.userName,
    timeZone,
  };
  const channel: ChannelRef = { id: consoleId(options.channel) };
  const defaultPath = chooseDefaultPath(
    bot.paths.map((path) => path.name),
    options.path,
  );
  let pressable: string[] = [];

  // The console prints each answer anew, so what a press settles needs no edit: the answer says it.
  const rendered = (reply: AddressedReply) => ({
    choices: (reply.buttons ?? []).map((button) => button.actionId),
    text: `${renderConsoleReply(reply)}\n`,
  });
  const display = ({ choices, text }: ReturnType<typeof rendered>) => {
    pressable = choices;
    write(text);
  };
  const show = (reply: AddressedReply) => display(rendered(reply));
  bot.registerMessenger(
    createConsoleMessenger((heading, reply) => {
      write(`\n${heading}`);
      show(reply);
    }),
  );
  const respond = async (line: string) => {
    if (/^\d+$/.test(line)) {
      const buttonId = pressable[Number(line) - 1];
      if (!buttonId) return write(`There's no choice ${line} right now. Type /${defaultPath} help for commands.\n`);
      return show(await bot.press({ buttonId, user, channel }));
    }
    const match = /^\/(\S+)\s*(.*)$/s.exec(line);
    const spec = bot.paths.find((path) => path.name === match?.[1]?.toLowerCase());
    if (!match || !spec)
      return write(
        `I only understand slash commands here, like /${defaultPath} next (or a number to press a button). /${defaultPath} help lists them.\n`,
      );
    // Whoever runs the local console owns it, admin subcommands included.
    // Rendered while the store saves what the command changed; printed once it is saved.
    display(
      await bot.handleTextRendered({ path: spec.name, text: match[2] ?? '', user, channel, isAdmin: true }, rendered),
    );
  };

  write(
    `${bot.paths.map((path) => path.description).join('\n')}\nLocal console as "${options.userName}" in #${options.channel}. Type /${defaultPath} next to begin, /${defaultPath} help for everything${options.interactive ? ', Ctrl+D to quit' : ''}.\n`,
  );
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (/^(exit|quit|\/quit|\/exit)$/i.test(line)) break;
    if (!options.interactive) write(`> ${line}`);
    try {
      await respond(line);
    } catch (error) {
      logger.error('console command failed', { line: line.slice(0, 200), error });
      write(`${APOLOGY}\n`);
    }
  }
  lines.close();
}

/** `--path NAME` when it names a path; otherwise webrtc when there is one, else the first path. */
export function chooseDefaultPath(names: readonly string[], requested?: string): string {
  if (requested !== undefined) {
    const name = requested.trim().replace(/^\//, '').toLowerCase();
    if (names.includes(name)) return name;
    throw new StartUpError(`--path ${requested} is not a learning path here; choose one of ${names.join(', ')}.`);
  }
  return names.includes(PREFERRED_PATH) ? PREFERRED_PATH : names[0]!;
}

function consoleId(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .slice(0, 32) || 'you'
  );
}
