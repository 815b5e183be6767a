import type { Invocation, UserRef } from '../model/invocation.js';
import type { Reply } from '../model/reply.js';
import type { CommandContext } from './command-context.js';

/** How an option's value is suggested and checked: days ("mon,wed,fri"), a date or length ("2026-12-28", "1w"), a plan goal, a snooze choice. */
export type OptionKind = 'resource' | 'time' | 'zone' | 'days' | 'date' | 'plan' | 'snooze' | 'choice' | 'text';

/** One option of a subcommand. Discord builds slash-command options from it; Slack and the console parse free text against it. */
export interface OptionSpec {
  name: string;
  description: string;
  kind: OptionKind;
  required: boolean;
  /** For kind "choice": the accepted values. */
  choices?: readonly string[];
  /** Offer autocomplete (resource names, time zones). */
  autocomplete?: boolean;
  /**
   * In free text this option is typed after its own name ("remind nudge off") and the command reads it from the
   * words the others take, so it takes no position there; on Discord it is an option like any other.
   */
  keyword?: boolean;
}

/** What adapters need to know about a subcommand. */
export interface CommandSpec {
  name: string;
  description: string;
  /** Positional in free text; the last option takes the rest of the line. */
  options: readonly OptionSpec[];
  /** Needs Manage Server (Discord) or a workspace admin (Slack). */
  adminOnly?: boolean;
  /** Shown in help, e.g. "done [resource]". */
  usage: string;
}

/** A subcommand: metadata and handler together. */
export interface Command extends CommandSpec {
  run(context: CommandContext, invocation: Invocation): Promise<Reply>;
}

/** Read-only description of a learning path's command for adapters (slash-command registration, help, parsing). */
export interface PathCommandSpec {
  /** The slash command name ("webrtc"). */
  name: string;
  /** The path's human title ("WebRTC"). */
  title: string;
  description: string;
  commands: readonly CommandSpec[];
}

export type { UserRef };
